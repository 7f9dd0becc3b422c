import { join } from 'node:path';
import { createClient } from 'redis';
import { startServer, stopServer } from './benchServer';
import { drive, SCRIPT, type LoadResult } from './loadDriver';

/**
 * npm run bench: our server (dialogs, Redis state, validation, logging) against a bare botbuilder echo
 * bot on restify, under the same load. Rounds alternate between the two so that a busy moment on the
 * machine hits both; prints throughput, latency percentiles and the median ratio.
 * Settings: BENCH_CONCURRENCY (32), BENCH_WARMUP seconds per server before the rounds (5),
 * BENCH_SECONDS per round (5), BENCH_ROUNDS (3), REDIS_URL.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Unmeasured load on each server before the first round, so both are measured warm (JIT-compiled). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `clearsight-bench:${process.pid}:`;

function merge(results: LoadResult[]): LoadResult {
  const pick = (f: (r: LoadResult) => number) => results.map(f).sort((a, b) => a - b)[Math.floor(results.length / 2)] ?? 0;
  const turns = results.reduce((n, r) => n + r.turns, 0);
  const seconds = results.reduce((n, r) => n + r.seconds, 0);
  return {
    turns,
    seconds,
    turnsPerSecond: turns / seconds,
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    p99: pick((r) => r.p99),
    errors: results.reduce((n, r) => n + r.errors, 0),
  };
}

function line(name: string, r: LoadResult): string {
  return `${name.padEnd(34)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   p95 ${r.p95.toFixed(1).padStart(5)} ms   p99 ${r.p99.toFixed(1).padStart(5)} ms   errors ${r.errors}`;
}

async function main(): Promise<void> {
  const dist = join(__dirname, '..');
  console.log(
    `Clearsight turn benchmark: ${CONCURRENCY} concurrent conversations, ${WARMUP} s warm-up per server, then ${ROUNDS} alternating rounds of ${SECONDS} s (after 2 s warm-up each), script of ${SCRIPT.length} turns.`,
  );
  const echo = await startServer(join(dist, 'bench', 'echoBot.js'), {});
  const ours = await startServer(join(dist, 'src', 'main.js'), { REDIS_URL, REDIS_KEY_PREFIX: PREFIX, LOG_LEVEL: 'info' });
  const floorRuns: LoadResult[] = [];
  const ourRuns: LoadResult[] = [];
  const ratios: number[] = [];
  try {
    await drive(echo.port, CONCURRENCY, WARMUP, 0);
    await drive(ours.port, CONCURRENCY, WARMUP, 0);
    for (let round = 1; round <= ROUNDS; round++) {
      const floor = await drive(echo.port, CONCURRENCY, SECONDS);
      const result = await drive(ours.port, CONCURRENCY, SECONDS);
      floorRuns.push(floor);
      ourRuns.push(result);
      ratios.push(result.turnsPerSecond / floor.turnsPerSecond);
      console.log(`round ${round}: floor ${floor.turnsPerSecond.toFixed(0)} turns/s, clearsight ${result.turnsPerSecond.toFixed(0)} turns/s, ratio ${ratios[ratios.length - 1]!.toFixed(2)}`);
    }
  } finally {
    await stopServer(echo.child);
    await stopServer(ours.child);
  }

  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) if (keys.length) await redis.del(keys);
  await redis.close();

  const median = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
  const result = merge(ourRuns);
  console.log(line('bare echo bot (framework floor)', merge(floorRuns)));
  console.log(line('clearsight (dialogs, Redis state)', result));
  console.log(`ratio ${median.toFixed(2)} (median of rounds; target >= 0.6)   p99 ${result.p99.toFixed(1)} ms (target < 100 ms)`);
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
