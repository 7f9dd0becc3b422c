import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * poll's worst case), on Redis and on the embedded SQLite database. Also the longest single step (see
 * longestStep), beside the same figure for a loop with no work, printed first: the machine's own noise.
 * BENCH_STORE=redis or sqlite runs one of them.
 */
const CONCERNS = Number(process.env.BENCH_CONCERNS ?? 5000);
const STORES = (process.env.BENCH_STORE ?? 'redis,sqlite').split(',');
const ROUNDS = 200;
const PAGE = 50;

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 10; i++) await run(); // warm-up
  // Seeding thousands of concerns leaves garbage: collect it now (npm run bench:triage passes --expose-gc),
  // so that a collection of the seed is not counted as a step of the queue or the poll.
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const held = await longestStep(run);
  console.log(`  ${name.padEnd(30)} p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms  longest step ${held.toFixed(2)} ms`);
}

/**
 * The longest the event loop went without turning while `run` ran ROUNDS times: a chain of setImmediate
 * callbacks notes the time between one turn and the next, which is the synchronous work done in between
 * (parsing replies, running queries), plus any time the machine gave the process no core. A second pass,
 * because the chain keeps the loop busy and would slow the timings above.
 */
async function longestStep(run: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let probing = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (probing) setImmediate(probe);
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  setImmediate(probe);
  for (let i = 0; i < ROUNDS; i++) {
    await run();
    await turn(); // a store that answers without I/O (SQLite) still lets the loop turn between rounds
  }
  probing = false;
  await turn();
  return longest;
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
  // What the monitor shows with no work at all: the machine's own noise (other processes, Redis on the same cores).
  await time('baseline: no work at all', () => new Promise((resolve) => setImmediate(resolve)));
  const agencies = AgencyDirectory.load(defaultContentDir()).all().map((a) => a.id);
  AGENCIES = agencies;
  const seed = seedConcerns(agencies);
  if (STORES.includes('redis')) await onRedis(seed, agencies[0]!);
  if (STORES.includes('sqlite')) await onSqlite(seed, agencies[0]!);
}

void main();
