import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AnswerOutcome, SafetyEventKind } from '../events/serviceEvents';
import type { AlertKind } from '../alerts/alert';

/** Every metric's name starts with this. */
export const METRIC_PREFIX = 'clearsight_';

/** The closed values labels take, set to 0 at start so a dashboard shows a line before the first event. */
export const SAFETY_KINDS: readonly SafetyEventKind[] = ['danger', 'self-harm', 'disclosure', 'check-in'];
export const ANSWER_OUTCOMES: readonly AnswerOutcome[] = ['answered', 'did-you-mean', 'no-answer'];
export const ALERT_KINDS: readonly AlertKind[] = ['urgent', 'overdue'];

/** Turn latency buckets, in seconds: a turn is usually well under a second; a safety check or a report can take longer. */
const TURN_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

/**
 * The operators' counters, in a registry of the app's own (never prom-client's global one, so several apps in
 * one process do not clash). Labels hold closed values only: channel ids, kinds, outcomes, agency ids.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly turns: Counter<'channel'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly safetyReplies: Counter<'kind'>;
  readonly answers: Counter<'outcome'>;
  readonly reportsStored: Counter;
  readonly reportsFailed: Counter;
  readonly alertDeliveries: Counter<'agency' | 'kind'>;
  readonly alertFailures: Counter<'agency' | 'kind'>;
}

/** A fresh registry with Node's default process metrics and the service's counters. */
export function createServiceMetrics(): ServiceMetrics {
  const registry = new Registry();
  // Node's process metrics under their usual names (process_*, nodejs_*), as ready-made dashboards expect.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const name = (n: string) => `${METRIC_PREFIX}${n}`;
  const metrics: ServiceMetrics = {
    registry,
    turns: new Counter({ name: name('turns_total'), help: 'Bot turns run, by channel', labelNames: ['channel'], registers }),
    turnSeconds: new Histogram({ name: name('turn_duration_seconds'), help: 'Time to run a bot turn, by channel', labelNames: ['channel'], buckets: TURN_BUCKETS, registers }),
    safetyReplies: new Counter({ name: name('safety_replies_total'), help: 'Safety replies given (and check-in questions asked), by kind', labelNames: ['kind'], registers }),
    answers: new Counter({ name: name('answers_total'), help: 'Question turns, by how they ended: answered, did-you-mean, no-answer', labelNames: ['outcome'], registers }),
    reportsStored: new Counter({ name: name('reports_stored_total'), help: 'Reports of a concern the store acknowledged (at once or later from the outbox)', registers }),
    reportsFailed: new Counter({ name: name('reports_failed_total'), help: 'Report submits that ended not stored (kept in the outbox to retry, or lost)', registers }),
    alertDeliveries: new Counter({ name: name('alert_deliveries_total'), help: 'Alert posts a duty channel webhook accepted, by agency and kind', labelNames: ['agency', 'kind'], registers }),
    alertFailures: new Counter({ name: name('alert_failures_total'), help: 'Alert posts that failed (retried with backoff), by agency and kind', labelNames: ['agency', 'kind'], registers }),
  };
  for (const kind of SAFETY_KINDS) metrics.safetyReplies.inc({ kind }, 0);
  for (const outcome of ANSWER_OUTCOMES) metrics.answers.inc({ outcome }, 0);
  return metrics;
}
