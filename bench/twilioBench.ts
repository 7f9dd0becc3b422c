import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createClient } from 'redis';
import { expectedSignature } from '../src/twilio/twilioSignature';
import { startServer, stopServer } from './benchServer';
import { drive, type LoadResult } from './loadDriver';
import { percentile } from './percentile';

/**
 * npm run bench:twilio: turns per second through Twilio's webhook (signed form posts answered in TwiML), beside
 * the same server's /api/messages turns (what npm run bench drives), on the embedded default and on Redis.
 * Each simulated phone texts a short script again and again, as a new number each time round.
 * Settings: BENCH_CONCURRENCY (32), BENCH_SECONDS per measurement (5), REDIS_URL.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `clearsight-bench-twilio:${process.pid}:`;
const ACCOUNT = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = randomBytes(16).toString('hex');
const PUBLIC = 'https://chat.example.org';
const PATH = '/api/twilio/messages';
/** What a texter might send: a greeting, questions, the menu, a number picked from it. */
const SCRIPT = ['hi', 'what is county lines', 'who do I ring in Sheffield', 'menu', '2', 'is it a sign if he has two phones', 'MORE'];

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, fields: Record<string, string>): Promise<number> {
  const body = new URLSearchParams(fields).toString();
  const signature = expectedSignature(TOKEN, `${PUBLIC}${PATH}`, fields);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: PATH,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-twilio-signature': signature },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function driveTwilio(port: number, seconds: number, warmupSeconds = 2): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sid = 0;
  const measureFrom = Date.now() + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const worker = async (w: number) => {
    for (let round = 0; Date.now() < end; round++) {
      const from = `+4477009${String(w).padStart(2, '0')}${String(round % 1000).padStart(3, '0')}`;
      for (const text of SCRIPT) {
        if (Date.now() >= end) return;
        sid += 1;
        const fields = { AccountSid: ACCOUNT, MessageSid: `SM${sid.toString(16).padStart(32, '0')}`, From: from, To: '+447700900000', Body: text, NumMedia: '0' };
        const t0 = performance.now();
        const status = await post(port, fields).catch(() => 0);
        const ms = performance.now() - t0;
        if (Date.now() < measureFrom) continue;
        if (status !== 200) errors += 1;
        latencies.push(ms);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  return { turns: latencies.length, seconds, turnsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors };
}

function line(name: string, r: LoadResult): string {
  return `  ${name.padEnd(30)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`;
}

async function main(): Promise<void> {
  console.log(`Twilio webhook benchmark: ${CONCURRENCY} phones at once, ${SECONDS} s per measurement (after 2 s warm-up), script of ${SCRIPT.length} texts.`);
  const twilio = { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_BASE_URL: PUBLIC, TWILIO_MESSAGES_PER_MINUTE: '100000', LOG_LEVEL: 'warn' };
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-bench-twilio-'));
  const main = join(__dirname, '..', 'src', 'main.js');
  try {
    for (const [name, env] of [
      ['embedded (SQLite)', { ...twilio, DATA_DIR: join(dataDir, 'a') }],
      ['Redis', { ...twilio, DATA_DIR: join(dataDir, 'b'), REDIS_URL, REDIS_KEY_PREFIX: PREFIX }],
    ] as const) {
      const server = await startServer(main, env);
      try {
        await driveTwilio(server.port, 3, 0); // warm up (JIT)
        const webhook = await driveTwilio(server.port, SECONDS);
        const messages = await drive(server.port, CONCURRENCY, SECONDS);
        console.log(`${name}:`);
        console.log(line('Twilio webhook (TwiML)', webhook));
        console.log(line('/api/messages (npm run bench)', messages));
      } finally {
        await stopServer(server.child);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) if (keys.length) await redis.del(keys);
    await redis.close();
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
