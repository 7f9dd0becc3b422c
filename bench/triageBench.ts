import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AgencyDirectory } from '../src/concerns/agencies';
import type { Concern } from '../src/concerns/concern';
import type { ConcernStore } from '../src/concerns/concernStore';
import { RedisConcernStore } from '../src/concerns/redisConcernStore';
import { SqliteConcernStore } from '../src/concerns/sqliteConcernStore';
import { defaultContentDir } from '../src/content/contentDir';
import { createLogger } from '../src/logging/logger';
import { createRedisClient, type RedisClient } from '../src/storage/redisClient';
import { openDatabase } from '../src/storage/sqliteDatabase';
import { ConcernAlerts } from '../src/triage/concernAlerts';
import { benchDueAt, concern } from './benchConcern';
import { percentile } from './percentile';

/**
 * What duty staff wait for, as concerns pile up: one agency's queue (the first page, as the console and
 * GET /api/triage/concerns read it) and the alert poll (every 30 s, on the same event loop as the chats),
 * with BENCH_CONCERNS concerns over the six agencies, one in ten urgent (none of their alerts sent yet: the
 * poll's worst case), on Redis and on the embedded SQLite database. Also the longest the event loop was
 * held during the alert polls. BENCH_STORE=redis or sqlite runs one of them.
 */
const CONCERNS = Number(process.env.BENCH_CONCERNS ?? 5000);
const STORES = (process.env.BENCH_STORE ?? 'redis,sqlite').split(',');
const ROUNDS = 200;
const PAGE = 50;

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) await run(); // warm-up
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    // Let the loop turn, as the service's would between a poll and the next chat: the monitor's timer
    // then shows how long any one step held it.
    await new Promise((resolve) => setImmediate(resolve));
  }
  loop.disable();
  times.sort((a, b) => a - b);
  const held = Math.max(0, loop.max / 1e6 - 1); // the monitor's own 1 ms resolution is not a hold
  console.log(`  ${name.padEnd(30)} p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms  event loop held at most ${held.toFixed(2)} ms`);
}

function seedConcerns(agencies: string[]): Concern[] {
  const start = Date.now() - CONCERNS * 1000;
  return Array.from({ length: CONCERNS }, (_, i) => {
    const receivedAt = new Date(start + i * 1000).toISOString();
    return concern({ agency: agencies[i % agencies.length]!, urgent: i % 10 === 0, receivedAt, statusChangedAt: receivedAt });
  });
}

/** Every agency has a duty channel to alert: the poll reads all six. */
let AGENCIES: string[] = [];

async function measure(name: string, store: ConcernStore, agency: string): Promise<void> {
  console.log(`${name}: ${CONCERNS} concerns over six agencies, ${ROUNDS} rounds each`);
  await time(`one agency's queue (${PAGE})`, () => store.queue(agency, { closed: false, limit: PAGE }));
  const alerts = new ConcernAlerts(store, AGENCIES);
  await time('alert poll (owed alerts)', () => alerts.pending(new Date()));
}

async function onRedis(seed: Concern[], agency: string): Promise<void> {
  const client: RedisClient = createRedisClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', createLogger('silent'));
  await client.connect();
  const prefix = `clearsight-bench:${randomBytes(4).toString('hex')}:`;
  try {
    const store = new RedisConcernStore(client, prefix, benchDueAt);
    for (let i = 0; i < seed.length; i += 500) await Promise.all(seed.slice(i, i + 500).map((c) => store.submit(c)));
    await measure('redis', store, agency);
  } finally {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
    await client.close();
  }
}

async function onSqlite(seed: Concern[], agency: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-bench-'));
  const db = openDatabase(dir);
  try {
    const store = new SqliteConcernStore(db, benchDueAt);
    store.importOnce({ name: 'bench', sha256: 'bench' }, seed); // one transaction: seeding is not what is measured
    await measure('sqlite', store, agency);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const agencies = AgencyDirectory.load(defaultContentDir()).all().map((a) => a.id);
  AGENCIES = agencies;
  const seed = seedConcerns(agencies);
  if (STORES.includes('redis')) await onRedis(seed, agencies[0]!);
  if (STORES.includes('sqlite')) await onSqlite(seed, agencies[0]!);
}

void main();
