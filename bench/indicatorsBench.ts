import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ConcernStore } from '../src/concerns/concernStore';
import { RedisConcernStore } from '../src/concerns/redisConcernStore';
import { SqliteConcernStore } from '../src/concerns/sqliteConcernStore';
import { howKnewReader } from '../src/indicators/concernCounts';
import { CountingConcernStore } from '../src/indicators/countingConcernStore';
import type { IndicatorStore } from '../src/indicators/indicatorStore';
import { RedisIndicatorStore } from '../src/indicators/redisIndicatorStore';
import { SqliteIndicatorStore } from '../src/indicators/sqliteIndicatorStore';
import { createLogger } from '../src/logging/logger';
import { createRedisClient } from '../src/storage/redisClient';
import { openDatabase } from '../src/storage/sqliteDatabase';
import { BENCH_CLOCK, benchDueAt, concern } from './benchConcern';
import { percentile } from './percentile';

/**
 * What the partnership's counters add to a stored report: the same submits, one at a time, through the
 * plain store and through the counting store (the concern's write, then its counts in one step), taking
 * turns so that a busy moment on the machine falls on both alike. Target: under 1 ms added (issue 19).
 */
const ROUNDS = 1500;

async function timeSubmit(store: ConcernStore): Promise<number> {
  const c = concern();
  const t0 = process.hrtime.bigint();
  await store.submit(c);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function compare(name: string, plain: ConcernStore, indicators: IndicatorStore): Promise<void> {
  const counted = new CountingConcernStore(plain, { indicators, clock: BENCH_CLOCK, howKnew: howKnewReader([]), logger: createLogger('silent') });
  for (let i = 0; i < 50; i++) await timeSubmit(i % 2 ? plain : counted); // warm up
  const without: number[] = [];
  const withCounts: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    without.push(await timeSubmit(plain));
    withCounts.push(await timeSubmit(counted));
  }
  const stats = (t: number[]) => {
    const sorted = [...t].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), mean: t.reduce((s, x) => s + x, 0) / t.length };
  };
  const a = stats(without);
  const b = stats(withCounts);
  const f = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`${name}: without counters p50 ${f(a.p50)} p90 ${f(a.p90)} mean ${f(a.mean)}; with p50 ${f(b.p50)} p90 ${f(b.p90)} mean ${f(b.mean)}`);
  console.log(`${name}: the counters add ${f(b.p50 - a.p50)} at the median, ${f(b.mean - a.mean)} on average (target under 1 ms)`);
}

async function main(): Promise<void> {
  console.log(`${ROUNDS} submits each way, one at a time, alternating`);
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-bench-'));
  const db = openDatabase(dir);
  // As openStores opens them: the counts on the second connection, with synchronous=NORMAL.
  const countsDb = openDatabase(dir);
  countsDb.pragma('synchronous = NORMAL');
  await compare('sqlite', new SqliteConcernStore(db, benchDueAt), new SqliteIndicatorStore(countsDb));
  countsDb.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const client = createRedisClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', createLogger('silent'));
  await client.connect();
  const prefix = `clearsight-bench:${randomBytes(4).toString('hex')}:`;
  await compare('redis ', new RedisConcernStore(client, prefix, benchDueAt), new RedisIndicatorStore(client, prefix));
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
  await client.close();
}

void main();
