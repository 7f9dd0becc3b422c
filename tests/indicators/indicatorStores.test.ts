import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { RetentionSweep } from '../../src/concerns/retentionSweep';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { howKnewReader } from '../../src/indicators/concernCounts';
import { CountingConcernStore } from '../../src/indicators/countingConcernStore';
import { RedisIndicatorStore } from '../../src/indicators/redisIndicatorStore';
import { SqliteIndicatorStore } from '../../src/indicators/sqliteIndicatorStore';
import type { IndicatorStore, StoredCount } from '../../src/indicators/indicatorStore';
import { createLogger } from '../../src/logging/logger';
import { sampleConcern, TEST_CLOCK, testDueAt } from '../helpers/concerns';
import { useRedisFixture } from '../helpers/redis';
import { useSqliteFixture } from '../helpers/sqlite';

interface Backend {
  indicators: IndicatorStore;
  concerns: ConcernStore;
}

const value = (counts: StoredCount[], area: string, month: string, measure: string) => counts.find((c) => c.area === area && c.month === month && c.measure === measure)?.value;

function describeIndicatorStore(name: string, open: () => Promise<Backend>, teardown: () => Promise<void>) {
  describe(`${name} indicator store`, () => {
    let backend: Backend;
    beforeEach(async () => {
      backend = await open();
    });
    afterEach(teardown);

    it('adds up counts by month, area and measure, and reads a period back', async () => {
      const { indicators } = backend;
      await indicators.add('2026-10', 'sheffield', { concerns: 1, urgent: 1, subject_child: 1 });
      await indicators.add('2026-10', 'sheffield', { concerns: 1, urgent: 0 });
      await indicators.add('2026-11', 'outside', { concerns: 2 });
      await indicators.add('2027-01', 'barnsley', { concerns: 5 });
      const read = await indicators.read('2026-10', '2026-12');
      expect(value(read, 'sheffield', '2026-10', 'concerns')).toBe(2);
      expect(value(read, 'sheffield', '2026-10', 'urgent')).toBe(1);
      expect(value(read, 'outside', '2026-11', 'concerns')).toBe(2);
      expect(read.some((c) => c.month === '2027-01')).toBe(false);
      // An amount of 0 stores nothing.
      expect(read.filter((c) => c.measure === 'urgent')).toHaveLength(1);
    });

    it('refuses a month that is not YYYY-MM, a negative or fractional amount, and a measure id with a separator', async () => {
      const { indicators } = backend;
      await expect(indicators.add('2026-13', 'sheffield', { concerns: 1 })).rejects.toThrow(RangeError);
      await expect(indicators.add('2026-10', 'sheffield', { concerns: -1 })).rejects.toThrow(RangeError);
      await expect(indicators.add('2026-10', 'sheffield', { concerns: 0.5 })).rejects.toThrow(RangeError);
      await expect(indicators.add('2026-10', 'sheffield', { 'a|b': 1 })).rejects.toThrow(RangeError);
      await expect(indicators.read('2026-12', '2026-10')).rejects.toThrow(RangeError);
      expect(await indicators.read('2026-01', '2026-12')).toEqual([]);
    });

    it('counts a new concern once (a retried submit is not counted again), and keeps the counts after the retention sweep deletes it', async () => {
      const store = new CountingConcernStore(backend.concerns, { indicators: backend.indicators, clock: TEST_CLOCK, howKnew: howKnewReader([{ value: 'saw-it', label: 'I saw it myself' }]), logger: createLogger('silent') });
      const longAgo = '2025-03-10T10:00:00.000Z';
      const concern = sampleConcern({ receivedAt: longAgo, statusChangedAt: longAgo, area: 'doncaster', urgent: true, urgentReasons: ['danger-now-answer'], subject: 'place' });
      concern.answers.howTheyKnow = 'I saw it myself';
      await store.submit(concern);
      await store.submit(concern);
      await store.updateTriage(concern.ref, concern.agency, (part) => ({ triage: { ...part.triage, closedAt: longAgo, outcome: { category: 'early-help', rag: 'amber', rationale: 'r', by: 'sam', at: longAgo } }, status: 'closed', agency: part.agency }), new Date(longAgo));
      const sweep = new RetentionSweep(store, 90, createLogger('silent'), () => new Date('2026-12-01T00:00:00Z'));
      expect(await sweep.sweep()).toBe(1);
      expect(await store.get(concern.ref)).toBeUndefined();
      const read = await backend.indicators.read('2025-03', '2025-03');
      expect(Object.fromEntries(read.filter((c) => c.area === 'doncaster').map((c) => [c.measure, c.value]))).toEqual({
        concerns: 1,
        urgent: 1,
        subject_place: 1,
        knew_saw: 1,
        decided: 1,
        decided_in_time: 1,
        outcome_early_help: 1,
        rag_amber: 1,
        'hours:0': 1,
        closed: 1,
      });
    });
  });
}

const redis = useRedisFixture();
describeIndicatorStore(
  'Redis',
  async () => {
    const { client, prefix } = await redis.open();
    return { indicators: new RedisIndicatorStore(client, prefix), concerns: new RedisConcernStore(client, prefix, testDueAt) };
  },
  () => redis.teardown(),
);

const sqlite = useSqliteFixture();
describeIndicatorStore(
  'SQLite',
  async () => {
    const db = sqlite.open();
    return { indicators: new SqliteIndicatorStore(db), concerns: new SqliteConcernStore(db, testDueAt) };
  },
  () => sqlite.teardown(),
);
