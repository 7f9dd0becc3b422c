import { randomBytes } from 'node:crypto';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient } from '../../src/storage/redisClient';
import { testDueAt } from '../helpers/concerns';
import { fromBot, pollChat, pollUntil, say, startChat, type Grant } from '../helpers/directLineHttp';
import { uniquePrefix } from '../helpers/redis';
import { RedisServer } from '../helpers/redisServer';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/**
 * Web chats open while Redis is killed (SIGKILL) and started again from its append-only file: while it is
 * down every Direct Line request gets a clear 503 (never a 500, never a dropped connection) and readiness
 * says so; once it is back every chat carries on where it was, with what was said before still there to
 * collect, and a report half-written before the fault can be finished and is stored with what was said.
 */
const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;
const REPORT_START = ['Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels to Doncaster'];
const REPORT_REST = ['skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous', 'Send it'];
const WAIT_MS = 30_000;

let redis: RedisServer | undefined;
let app: RunningApp | undefined;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await app?.stop().catch(() => undefined);
  await redis?.stop();
});

/** Posts and waits for the bot's answers; returns their texts and the new watermark. */
async function turn(url: string, grant: Grant, text: string, watermark: string): Promise<{ text: string; watermark: string }> {
  const res = await say(url, grant, text);
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  const polled = await pollUntil(url, grant, (a) => fromBot(a) && a.replyToId === id, watermark);
  return { text: polled.activities.filter(fromBot).map((a) => String(a.text ?? '')).join('\n'), watermark: polled.watermark };
}

async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  const limit = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > limit) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('built-in Direct Line on Redis, with Redis killed while chats are open', () => {
  it('answers 503 while it is down, and every chat carries on where it was once it is back', async () => {
    const prefix = uniquePrefix();
    app = await startTestApp({ REDIS_URL: redis!.url, REDIS_KEY_PREFIX: prefix, DIRECTLINE_TOKEN_SECRET: randomBytes(32).toString('base64') });
    const { url } = app;

    // One chat half-way through a report, one that asked a question.
    const reporter = await startChat(url);
    let mark = (await pollUntil(url, reporter, fromBot)).watermark;
    for (const text of REPORT_START) ({ watermark: mark } = await turn(url, reporter, text, mark));
    const asker = await startChat(url);
    const askerWelcome = (await pollUntil(url, asker, fromBot)).watermark;
    const asked = await turn(url, asker, 'what are the signs of county lines', askerWelcome);
    const askerBefore = (await pollChat(url, asker)).body!.activities.length;
    const reporterBefore = (await pollChat(url, reporter)).body!.activities.length;

    await redis!.kill();
    // Down: a clear 503 for posting, polling and starting a chat; the service itself is alive.
    await until(async () => (await fetch(`${url}/readyz`)).status === 503, 'readiness did not say 503 with Redis down');
    const posted = await say(url, reporter, 'skip');
    expect(posted.status).toBe(503);
    expect(((await posted.json()) as { reason?: string }).reason).toMatch(/try again/i);
    expect((await pollChat(url, asker, asked.watermark)).status).toBe(503);
    expect((await fetch(`${url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    await redis!.restart();
    await until(async () => (await fetch(`${url}/readyz`)).status === 200, 'the service did not reconnect to Redis');

    // Everything said before the fault is still there for both chats.
    expect((await pollChat(url, asker)).body!.activities).toHaveLength(askerBefore);
    expect((await pollChat(url, reporter)).body!.activities.length).toBeGreaterThanOrEqual(reporterBefore);
    const again = await turn(url, asker, 'who do I ring', asked.watermark);
    expect(again.text).not.toBe('');
    // The report carries on from the question it was at (the message refused while Redis was down is not
    // in it) and is stored with what was said before the fault.
    mark = (await pollChat(url, reporter)).body!.watermark;
    let last = '';
    for (const text of REPORT_REST) ({ text: last, watermark: mark } = await turn(url, reporter, text, mark));
    expect(last).toMatch(/has been received/);
    const ref = REF.exec(last)?.[0];
    const client = createRedisClient(redis!.url, createLogger('silent'));
    await client.connect();
    try {
      const stored = await new RedisConcernStore(client, prefix, testDueAt).list();
      expect(stored.map((c) => c.ref)).toEqual([ref]);
      expect(JSON.stringify(stored[0])).toContain('carry parcels to Doncaster');
    } finally {
      client.destroy();
    }
    expect(app.logs.text).not.toContain('carry parcels');
  }, 180_000);
});
