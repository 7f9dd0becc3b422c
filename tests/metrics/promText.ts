import { Registry } from 'prom-client';
import { registerConcernGauges } from '../../src/metrics/concernGauges';
import { registerOpenChatsGauge } from '../../src/metrics/openChatsGauge';
import { createServiceMetrics } from '../../src/metrics/serviceMetrics';
import { createLogger } from '../../src/logging/logger';
import { TEST_CLOCK } from '../helpers/concerns';

/** One sample line of the Prometheus text format: its name, labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family: its TYPE and its samples (a histogram's _bucket, _sum and _count under its own name). */
export interface Family {
  type: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) .*$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;

/**
 * Parses Prometheus text exposition (version 0.0.4) strictly: every line is a HELP, a TYPE or a sample; every
 * sample belongs to a family declared before it; labels are well formed; values are numbers. Throws otherwise.
 */
export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  for (const line of text.split('\n')) {
    if (line === '' || HELP_LINE.test(line)) continue;
    const type = TYPE_LINE.exec(line);
    if (type) {
      if (families.has(type[1]!)) throw new Error(`family declared twice: ${type[1]}`);
      families.set(type[1]!, { type: type[2]!, samples: [] });
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`not a Prometheus line: ${line}`);
    const name = sample[1]!;
    const family = families.get(name) ?? families.get(name.replace(/_(bucket|sum|count)$/, ''));
    if (!family) throw new Error(`sample of an undeclared family: ${name}`);
    family.samples.push({ name, labels: parseLabels(sample[2] ?? '', line), value: parseValue(sample[3]!, line) });
  }
  return families;
}

/** A float as Prometheus reads one (Go's ParseFloat: NaN and Inf in any case, as prom-client writes "Nan"). */
function parseValue(text: string, line: string): number {
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+-]?inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new Error(`not a number: ${line}`);
  return value;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`bad labels: ${line}`);
    labels[match[1]!] = match[2]!;
  }
  return labels;
}

/** The value of the sample with this name and these labels (0 when absent, as Prometheus reads a counter not yet seen). */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.get(name) ?? families.get(name.replace(/_(bucket|sum|count)$/, ''));
  const found = family?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value;
}

/** The metric names a fresh registry, built the way the app builds it, holds: prom-client's own list. */
export async function registeredNames(): Promise<string[]> {
  const logger = createLogger('silent');
  const metrics = createServiceMetrics();
  registerConcernGauges(metrics.registry, { store: { queue: async () => ({ concerns: [] }) }, agencies: [], clock: TEST_CLOCK, now: () => new Date(), logger });
  registerOpenChatsGauge(metrics.registry, async () => 0, logger);
  return (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
}

export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
