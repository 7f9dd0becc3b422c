import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startServer, stopServer } from './benchServer';
import { percentile } from './percentile';

/**
 * npm run bench:directline: the built-in Direct Line under web chat load, against the real service (its own
 * processes), three ways: conversations in the embedded database (no REDIS_URL), in Redis on one server,
 * and in Redis with two servers (chats started on the first; messages and polls alternate between them).
 * Measures (1) starting a conversation with its welcome, (2) a message's round trip (POST until the bot's
 * answer is in the store, since the POST answers after the turn) and (3) the empty polls every open chat
 * makes once a second. Target: Redis on one server keeps at least 0.8 of the embedded message throughput.
 * Settings: BENCH_CHATS (40), BENCH_MESSAGES per chat (10), BENCH_POLL_SECONDS (5), BENCH_CONCURRENCY for
 * polls (32), REDIS_URL.
 */
const CHATS = Number(process.env.BENCH_CHATS ?? 40);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10);
const POLL_SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUESTIONS = ['what are the signs of county lines', 'who do I ring', 'what is cuckooing', 'help', 'my son has a new phone'];

interface Chat {
  conversationId: string;
  token: string;
  watermark: string;
}

interface Figures {
  messagesPerSecond: number;
  pollsPerSecond: number;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function report(name: string, times: number[], count: number, seconds: number, unit: string): number {
  times.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
  const rate = count / seconds;
  console.log(`  ${name.padEnd(28)} ${rate.toFixed(0).padStart(6)} ${unit}/s   p50 ${f(percentile(times, 50))}   p99 ${f(percentile(times, 99))}   max ${f(times.at(-1) ?? 0)}`);
  return rate;
}

/** Runs the three measurements against the servers' base URLs (the first starts every chat). */
async function measure(bases: string[]): Promise<Figures> {
  const base = (i: number) => bases[i % bases.length] as string;
  const auth = (chat: Chat) => ({ Authorization: `Bearer ${chat.token}` });
  const startTimes: number[] = [];
  let t0 = process.hrtime.bigint();
  const chats = await Promise.all(
    Array.from({ length: CHATS }, async () => {
      const s = process.hrtime.bigint();
      const res = await fetch(`${base(0)}/conversations`, { method: 'POST' });
      if (res.status !== 201) throw new Error(`start answered ${res.status}`);
      startTimes.push(ms(s));
      return { ...((await res.json()) as { conversationId: string; token: string }), watermark: '' };
    }),
  );
  report('start + welcome', startTimes, CHATS, ms(t0) / 1000, 'starts');

  const roundTrips: number[] = [];
  t0 = process.hrtime.bigint();
  await Promise.all(
    chats.map(async (chat, c) => {
      for (let i = 0; i < MESSAGES; i += 1) {
        const s = process.hrtime.bigint();
        const res = await fetch(`${base(c + i)}/conversations/${chat.conversationId}/activities`, {
          method: 'POST',
          headers: { ...auth(chat), 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: QUESTIONS[(c + i) % QUESTIONS.length], channelData: { clientActivityID: `b${c}-${i}` } }),
        });
        if (res.status !== 200) throw new Error(`post answered ${res.status}`);
        await res.arrayBuffer();
        roundTrips.push(ms(s));
        const poll = await fetch(`${base(c + i + 1)}/conversations/${chat.conversationId}/activities?watermark=${chat.watermark}`, { headers: auth(chat) });
        chat.watermark = ((await poll.json()) as { watermark: string }).watermark;
      }
    }),
  );
  const messagesPerSecond = report('message round trip (turn)', roundTrips, CHATS * MESSAGES, ms(t0) / 1000, 'messages');

  const polls: number[] = [];
  const deadline = Date.now() + POLL_SECONDS * 1000;
  t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
        const chat = chats[i % chats.length] as Chat;
        const s = process.hrtime.bigint();
        const res = await fetch(`${base(i)}/conversations/${chat.conversationId}/activities?watermark=${chat.watermark}`, { headers: auth(chat) });
        await res.arrayBuffer();
        polls.push(ms(s));
      }
    }),
  );
  const pollsPerSecond = report('empty poll', polls, polls.length, ms(t0) / 1000, 'polls');
  return { messagesPerSecond, pollsPerSecond };
}

const LIMITS = { LOG_LEVEL: 'warn', SHUTDOWN_GRACE_SECONDS: '1', DIRECTLINE_STARTS_PER_CLIENT: '100000', DIRECTLINE_POSTS_PER_MINUTE: '100000' };

/** Starts `count` servers with the environment, measures, and stops them (even on failure). */
async function scenario(name: string, count: number, env: Record<string, string>): Promise<Figures> {
  console.log(`${name}:`);
  const children: ChildProcess[] = [];
  try {
    const bases: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const { child, port } = await startServer(join(__dirname, '..', 'src', 'main.js'), { ...LIMITS, ...env });
      children.push(child);
      bases.push(`http://127.0.0.1:${port}/v3/directline`);
    }
    return await measure(bases);
  } finally {
    await Promise.all(children.map((child) => stopServer(child)));
  }
}

async function main(): Promise<void> {
  console.log(`Built-in Direct Line: ${CHATS} chats started together, ${MESSAGES} messages each (all chats at once), then ${POLL_SECONDS} s of empty polls, ${CONCURRENCY} at a time.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-bench-'));
  const secret = randomBytes(32).toString('base64url');
  const redis = { REDIS_URL, REDIS_KEY_PREFIX: `clearsight-bench:${process.pid}:`, DIRECTLINE_TOKEN_SECRET: secret };
  try {
    const embedded = await scenario('Embedded database (no REDIS_URL), one server', 1, { DATA_DIR: dataDir });
    const oneRedis = await scenario('Redis, one server', 1, { ...redis, DATA_DIR: join(dataDir, 'a') });
    const twoRedis = await scenario('Redis, two servers (messages and polls alternate between them)', 2, { ...redis, DATA_DIR: join(dataDir, 'b') });
    const ratio = oneRedis.messagesPerSecond / embedded.messagesPerSecond;
    console.log(`Redis on one server keeps ${ratio.toFixed(2)} of the embedded message throughput (target at least 0.80); polls ${(oneRedis.pollsPerSecond / embedded.pollsPerSecond).toFixed(2)}.`);
    console.log(`Two servers on one Redis: ${(twoRedis.messagesPerSecond / oneRedis.messagesPerSecond).toFixed(2)} of one server's messages (both on this machine's cores).`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
