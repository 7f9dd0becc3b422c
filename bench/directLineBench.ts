import { join } from 'node:path';
import { startServer, stopServer } from './benchServer';
import { percentile } from './percentile';

/**
 * npm run bench:directline: the built-in Direct Line under web chat load, against the real service (its own
 * process, Redis state). Measures (1) starting a conversation with its welcome, (2) a message's round trip
 * (POST until the bot's answer is in the feed, since the POST answers after the turn) and (3) the empty
 * polls every open chat makes once a second: how many the service answers per second, which bounds how
 * many chats can be open at once. Settings: BENCH_CHATS (40), BENCH_MESSAGES per chat (10), BENCH_POLL_SECONDS (5),
 * BENCH_CONCURRENCY for polls (32), REDIS_URL.
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

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function report(name: string, times: number[], count: number, seconds: number, unit: string): void {
  times.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(`${name.padEnd(30)} ${(count / seconds).toFixed(0).padStart(6)} ${unit}/s   p50 ${f(percentile(times, 50))}   p99 ${f(percentile(times, 99))}   max ${f(times.at(-1) ?? 0)}`);
}

async function main(): Promise<void> {
  const { child, port } = await startServer(join(__dirname, '..', 'src', 'main.js'), {
    REDIS_URL,
    REDIS_KEY_PREFIX: `clearsight-bench:${process.pid}:`,
    LOG_LEVEL: 'warn',
    DIRECTLINE_STARTS_PER_CLIENT: '100000',
    DIRECTLINE_POSTS_PER_MINUTE: '100000',
  });
  const base = `http://127.0.0.1:${port}/v3/directline`;
  const auth = (chat: Chat) => ({ Authorization: `Bearer ${chat.token}` });
  try {
    console.log(`Built-in Direct Line: ${CHATS} chats started together, ${MESSAGES} messages each (all chats at once), then ${POLL_SECONDS} s of empty polls, ${CONCURRENCY} at a time.`);

    const startTimes: number[] = [];
    let t0 = process.hrtime.bigint();
    const chats = await Promise.all(
      Array.from({ length: CHATS }, async () => {
        const s = process.hrtime.bigint();
        const res = await fetch(`${base}/conversations`, { method: 'POST' });
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
          const res = await fetch(`${base}/conversations/${chat.conversationId}/activities`, {
            method: 'POST',
            headers: { ...auth(chat), 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: QUESTIONS[(c + i) % QUESTIONS.length], channelData: { clientActivityID: `b${c}-${i}` } }),
          });
          if (res.status !== 200) throw new Error(`post answered ${res.status}`);
          await res.arrayBuffer();
          roundTrips.push(ms(s));
          const poll = await fetch(`${base}/conversations/${chat.conversationId}/activities?watermark=${chat.watermark}`, { headers: auth(chat) });
          chat.watermark = ((await poll.json()) as { watermark: string }).watermark;
        }
      }),
    );
    report('message round trip (turn)', roundTrips, CHATS * MESSAGES, ms(t0) / 1000, 'messages');

    const polls: number[] = [];
    const deadline = Date.now() + POLL_SECONDS * 1000;
    t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
          const chat = chats[i % chats.length] as Chat;
          const s = process.hrtime.bigint();
          const res = await fetch(`${base}/conversations/${chat.conversationId}/activities?watermark=${chat.watermark}`, { headers: auth(chat) });
          await res.arrayBuffer();
          polls.push(ms(s));
        }
      }),
    );
    const seconds = ms(t0) / 1000;
    report('empty poll', polls, polls.length, seconds, 'polls');
    console.log(`At one poll a second per open chat, that is room for about ${Math.floor(polls.length / seconds)} open chats per process at full load.`);
  } finally {
    await stopServer(child);
  }
}

void main();
