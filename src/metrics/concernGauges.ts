import { Gauge, type Registry } from 'prom-client';
import type { ConcernStore } from '../concerns/concernStore';
import type { QueueCursor } from '../concerns/concernIndex';
import { errorSummary, type Logger } from '../logging/logger';
import { isOverdue, type TriageClock } from '../triage/triageClock';
import { METRIC_PREFIX } from './serviceMetrics';

/** At most this many queue pages of this many concerns are read per agency per scrape. */
export const SCRAPE_PAGES = 5;
export const SCRAPE_PAGE_SIZE = 200;

export interface ConcernGaugeSources {
  store: Pick<ConcernStore, 'queue'>;
  /** Every agency id (content/agencies.yaml). */
  agencies: readonly string[];
  clock: TriageClock;
  now: () => Date;
  logger: Logger;
}

/** One agency's queue as a scrape read it; capped: there was more than SCRAPE_PAGES pages, so the counts are a floor. */
interface QueueCount {
  open: number;
  overdue: number;
  capped: boolean;
}

/**
 * Open and overdue concerns by agency, read at scrape time from each agency's queue index (never every concern),
 * overdue by the triage clock as the queue shows it. An agency whose queue cannot be read is left out of that
 * scrape (no value rather than a wrong one), and the scrape goes on.
 */
export function registerConcernGauges(registry: Registry, sources: ConcernGaugeSources): void {
  const registers = [registry];
  // The three gauges' collects run together in one scrape: they share one read of the queues.
  let reading: Promise<Map<string, QueueCount>> | undefined;
  const read = () => {
    reading ??= readQueues(sources).finally(() => (reading = undefined));
    return reading;
  };
  const gauge = (name: string, help: string, value: (count: QueueCount) => number) =>
    new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames: ['agency'],
      registers,
      async collect() {
        this.reset();
        for (const [agency, count] of await read()) this.set({ agency }, value(count));
      },
    });
  gauge('concerns_open', 'Concerns not closed in each agency queue', (c) => c.open);
  gauge('concerns_overdue', 'Open concerns past their due time with no decision, by agency', (c) => c.overdue);
  gauge('concerns_count_capped', `1 when an agency queue is longer than a scrape reads (${SCRAPE_PAGES * SCRAPE_PAGE_SIZE}): its counts are a floor`, (c) => Number(c.capped));
}

async function readQueues(sources: ConcernGaugeSources): Promise<Map<string, QueueCount>> {
  const counts = new Map<string, QueueCount>();
  const now = sources.now();
  await Promise.all(
    sources.agencies.map(async (agency) => {
      try {
        counts.set(agency, await readQueue(sources, agency, now));
      } catch (err) {
        sources.logger.warn({ code: 'METRICS_QUEUE_READ_FAILED', agency, err: errorSummary(err) }, 'could not read a queue for /metrics');
      }
    }),
  );
  return counts;
}

async function readQueue(sources: ConcernGaugeSources, agency: string, now: Date): Promise<QueueCount> {
  const count: QueueCount = { open: 0, overdue: 0, capped: false };
  let after: QueueCursor | undefined;
  for (let page = 0; page < SCRAPE_PAGES; page++) {
    const read = await sources.store.queue(agency, { closed: false, limit: SCRAPE_PAGE_SIZE, ...(after ? { after } : {}) });
    for (const concern of read.concerns) {
      count.open += 1;
      if (isOverdue(concern, sources.clock, now)) count.overdue += 1;
    }
    if (!read.next) return count;
    after = read.next;
  }
  return { ...count, capped: true };
}
