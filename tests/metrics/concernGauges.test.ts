import { Registry } from 'prom-client';
import type { QueuePage, QueueQuery } from '../../src/concerns/concernIndex';
import { queueScore } from '../../src/concerns/concernIndex';
import { createLogger } from '../../src/logging/logger';
import { registerConcernGauges, SCRAPE_PAGES, SCRAPE_PAGE_SIZE } from '../../src/metrics/concernGauges';
import { registerOpenChatsGauge } from '../../src/metrics/openChatsGauge';
import { sampleConcern, TEST_CLOCK } from '../helpers/concerns';
import { LogCapture } from '../helpers/testApp';
import { parsePrometheusText, valueOf } from './promText';

const NOW = new Date('2026-03-04T12:00:00Z'); // a Wednesday
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** A queue that answers from a list, one page at a time, and counts its reads; `broken` agencies throw. */
function fakeQueue(byAgency: Record<string, ReturnType<typeof sampleConcern>[]>, broken: string[] = []) {
  const reads: string[] = [];
  const queue = async (agency: string, query: QueueQuery): Promise<QueuePage> => {
    reads.push(agency);
    if (broken.includes(agency)) throw new Error('ECONNREFUSED');
    const all = byAgency[agency] ?? [];
    const start = query.after ? all.findIndex((c) => c.ref === query.after!.ref) + 1 : 0;
    const concerns = all.slice(start, start + query.limit);
    const last = concerns.at(-1);
    return start + query.limit < all.length && last ? { concerns, next: { score: queueScore(last.urgent, last.receivedAt), ref: last.ref } } : { concerns };
  };
  return { reads, store: { queue } };
}

async function scrape(registry: Registry) {
  return parsePrometheusText(await registry.metrics());
}

describe('open and overdue concerns by agency', () => {
  it('counts each agency queue: open, and overdue by the triage clock', async () => {
    const { store } = fakeQueue({
      a: [sampleConcern({ receivedAt: daysBefore(5) }), sampleConcern({ receivedAt: daysBefore(0.01) }), sampleConcern({ receivedAt: daysBefore(0.1), urgent: true })],
      b: [],
    });
    const registry = new Registry();
    registerConcernGauges(registry, { store, agencies: ['a', 'b'], clock: TEST_CLOCK, now: () => NOW, logger: createLogger('silent') });
    const families = await scrape(registry);
    expect(valueOf(families, 'clearsight_concerns_open', { agency: 'a' })).toBe(3);
    expect(valueOf(families, 'clearsight_concerns_overdue', { agency: 'a' })).toBe(2); // five days old, and urgent past its 60 minutes
    expect(valueOf(families, 'clearsight_concerns_open', { agency: 'b' })).toBe(0);
    expect(valueOf(families, 'clearsight_concerns_count_capped', { agency: 'a' })).toBe(0);
  });

  it('reads each queue once per scrape for all three gauges, and at most SCRAPE_PAGES pages: past that the counts are a floor, marked capped', async () => {
    const long = Array.from({ length: SCRAPE_PAGES * SCRAPE_PAGE_SIZE + 1 }, () => sampleConcern({ receivedAt: daysBefore(0.01) }));
    const { store, reads } = fakeQueue({ a: long });
    const registry = new Registry();
    registerConcernGauges(registry, { store, agencies: ['a'], clock: TEST_CLOCK, now: () => NOW, logger: createLogger('silent') });
    const families = await scrape(registry);
    expect(reads).toHaveLength(SCRAPE_PAGES);
    expect(valueOf(families, 'clearsight_concerns_open', { agency: 'a' })).toBe(SCRAPE_PAGES * SCRAPE_PAGE_SIZE);
    expect(valueOf(families, 'clearsight_concerns_count_capped', { agency: 'a' })).toBe(1);
  });

  it('leaves out an agency whose queue cannot be read (no value rather than a wrong one); the scrape and the other agencies go on', async () => {
    const { store } = fakeQueue({ a: [sampleConcern({ receivedAt: daysBefore(5) })] }, ['b']);
    const logs = new LogCapture();
    const registry = new Registry();
    registerConcernGauges(registry, { store, agencies: ['a', 'b'], clock: TEST_CLOCK, now: () => NOW, logger: createLogger('warn', logs) });
    const families = await scrape(registry);
    expect(valueOf(families, 'clearsight_concerns_open', { agency: 'a' })).toBe(1);
    expect(valueOf(families, 'clearsight_concerns_open', { agency: 'b' })).toBeUndefined();
    expect(valueOf(families, 'clearsight_concerns_overdue', { agency: 'b' })).toBeUndefined();
    expect(logs.text).toMatch(/METRICS_QUEUE_READ_FAILED/);
  });

  it('drops an agency that answered last scrape but not this one', async () => {
    const broken: string[] = [];
    const { store } = fakeQueue({ a: [sampleConcern()] }, broken);
    const registry = new Registry();
    registerConcernGauges(registry, { store, agencies: ['a'], clock: TEST_CLOCK, now: () => NOW, logger: createLogger('silent') });
    expect(valueOf(await scrape(registry), 'clearsight_concerns_open', { agency: 'a' })).toBe(1);
    broken.push('a');
    expect(valueOf(await scrape(registry), 'clearsight_concerns_open', { agency: 'a' })).toBeUndefined();
  });
});

describe('open Direct Line chats', () => {
  it('is the store count at each scrape, and no sample when the store cannot answer', async () => {
    let fail = false;
    const registry = new Registry();
    registerOpenChatsGauge(registry, async () => (fail ? Promise.reject(new Error('ECONNREFUSED')) : 7), createLogger('silent'));
    expect(valueOf(await scrape(registry), 'clearsight_directline_conversations_open')).toBe(7);
    fail = true;
    const families = await scrape(registry);
    expect(families.has('clearsight_directline_conversations_open')).toBe(true);
    expect(valueOf(families, 'clearsight_directline_conversations_open')).toBeUndefined();
  });
});
