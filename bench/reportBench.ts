import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ConcernStore } from '../src/concerns/concernStore';
import { RedisConcernStore } from '../src/concerns/redisConcernStore';
import { SqliteConcernStore } from '../src/concerns/sqliteConcernStore';
import { createLogger } from '../src/logging/logger';
import { createRedisClient } from '../src/storage/redisClient';
import { openDatabase } from '../src/storage/sqliteDatabase';
import { benchDueAt, concern } from './benchConcern';
import { percentile } from './percentile';

/**
 * How long a reporter waits for "received": the durable submit, on Redis (one Lua script: document,
 * queue and alert index entries, idempotency key) and on the embedded SQLite database (one transaction,
 * committed with synchronous=FULL). 16 submits at a time.
 */
const SUBMITS = 2000;
const CONCURRENCY = 16;

async function measure(name: string, store: ConcernStore): Promise<void> {
  const times: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUBMITS) {
        next += 1;
        const t0 = process.hrtime.bigint();
        await store.submit(concern());
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`${name.padEnd(28)} ${(SUBMITS / seconds).toFixed(0).padStart(6)} submits/s  p50 ${f(percentile(times, 50))}  p99 ${f(percentile(times, 99))}  max ${f(times[times.length - 1] ?? 0)}`);
}

async function main(): Promise<void> {
  console.log(`${SUBMITS} submits, ${CONCURRENCY} at a time`);
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-bench-'));
  const db = openDatabase(dir);
  await measure('sqlite store (commit each)', new SqliteConcernStore(db, benchDueAt));
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = createRedisClient(url, createLogger('silent'));
  await client.connect();
  const prefix = `clearsight-bench:${randomBytes(4).toString('hex')}:`;
  await measure('redis store (Lua submit)', new RedisConcernStore(client, prefix, benchDueAt));
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
  await client.close();
}

void main();
