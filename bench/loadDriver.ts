import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { percentile } from './percentile';

export interface LoadResult {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** A realistic script: open the chat, pick options, ask for help, use the global commands. */
export const SCRIPT: ReadonlyArray<string | null> = [
  null, // conversationUpdate: the welcome
  'hi',
  'Tell me who you are',
  'Parent or carer',
  'Get help now',
  'help',
  'Spot the signs',
  'menu',
  'is it a sign if he has two phones',
  'cancel',
];

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function activity(text: string | null, conversationId: string, userId: string): string {
  const base = {
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: userId },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  };
  return JSON.stringify(
    text === null
      ? { ...base, type: 'conversationUpdate', membersAdded: [{ id: userId }] }
      : { ...base, type: 'message', id: randomUUID(), text },
  );
}

/**
 * Runs `concurrency` conversations at once against a server for `seconds` (after a warm-up), each
 * repeating the script in a new conversation. Bounded in time; talks only to 127.0.0.1.
 */
export async function drive(port: number, concurrency: number, seconds: number, warmupSeconds = 2): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const start = Date.now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const conversationId = randomUUID();
      const userId = randomUUID();
      for (const text of SCRIPT) {
        if (Date.now() >= end) return;
        const t0 = performance.now();
        const status = await post(port, activity(text, conversationId, userId)).catch(() => 0);
        const ms = performance.now() - t0;
        if (Date.now() < measureFrom) continue;
        if (status !== 200) errors += 1;
        latencies.push(ms);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}
