import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Concern } from '../../src/concerns/concern';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { testDueAt } from '../helpers/concerns';
import { fromBot, pollUntil, say, startChat, type Grant } from '../helpers/directLineHttp';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { killServices, runService, waitForListening, type ServiceProcess } from '../helpers/serviceProcess';

/**
 * The service itself killed (SIGKILL: no shutdown, nothing flushed) while a reporter's "Send it" is on its
 * way, at several moments from "as it arrives" to "after the turn", on the embedded default and on Redis,
 * then started again on the same data. Whatever the moment: a reference the reporter is shown is in the
 * store; the store never holds the report twice; and a reporter who was shown nothing can carry on from the
 * summary and send it, getting the reference of the report if it had been stored after all. (Run here, the
 * earliest kills left the reporter at the summary and the later ones after the reference: both paths ran.)
 */
const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/g;
const TO_SUMMARY = ['Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous'];
/** When the service is killed, in ms after "Send it" is posted. */
const KILL_AFTER_MS = [0, 15, 40, 120];
const UNAVAILABLE = /having trouble on our side just now/;

let redis: TestRedis;
const dirs: string[] = [];
const prefixes: string[] = [];

beforeAll(async () => {
  redis = await connectTestRedis();
});
// Every service this file started is killed here, even when a test fails.
afterAll(async () => {
  killServices();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const prefix of prefixes) await redis.clean(prefix);
  await redis.close();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-killed-'));
  dirs.push(dir);
  return dir;
}

async function started(env: Record<string, string>): Promise<{ service: ServiceProcess; url: string }> {
  const service = runService({ PORT: '0', HOST: '127.0.0.1', ...env });
  return { service, url: `http://127.0.0.1:${await waitForListening(service)}` };
}

const botTexts = (activities: Array<Record<string, unknown>>) => activities.filter(fromBot).map((a) => String(a.text ?? ''));

/**
 * Posts a message and returns the bot's answers to it (collected by polling from `watermark`). With
 * `busyIsAnswer`, a 503 "busy" (the chat's turn lock still held by a dead server, until its lease ends) comes
 * back as the answer "busy", as Web Chat shows the reporter a message that failed to send.
 */
async function turn(url: string, grant: Grant, text: string, watermark: string, busyIsAnswer = false): Promise<{ texts: string[]; watermark: string }> {
  const res = await say(url, grant, text);
  if (busyIsAnswer && res.status === 503) {
    expect((await res.json()) as unknown).toMatchObject({ error: 'busy' });
    return { texts: ['busy'], watermark };
  }
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  const polled = await pollUntil(url, grant, (a) => fromBot(a) && a.replyToId === id, watermark);
  return { texts: botTexts(polled.activities), watermark: polled.watermark };
}

async function killedMidSend(env: Record<string, string>, killAfterMs: number, storedConcerns: () => Promise<Concern[]>): Promise<void> {
  const first = await started(env);
  const grant = await startChat(first.url);
  let { watermark } = await pollUntil(first.url, grant, fromBot);
  for (const text of TO_SUMMARY) ({ watermark } = await turn(first.url, grant, text, watermark));

  // "Send it", and the service dies: at once, or a little later, or after the turn.
  const sent = say(first.url, grant, 'Send it').then(
    (res) => res.status,
    () => 'connection lost',
  );
  await new Promise((r) => setTimeout(r, killAfterMs));
  first.service.child.kill('SIGKILL');
  await first.service.exited;
  await sent;

  const second = await started(env);
  try {
    // What the reporter is shown once the service is back: everything after the summary.
    const shown = botTexts((await pollChatAll(second.url, grant, watermark)).activities).join('\n');
    const shownRefs = [...new Set(shown.match(REF) ?? [])];
    expect(shownRefs.length).toBeLessThanOrEqual(1);
    if (shownRefs.length === 1) {
      // Shown a reference: the report is in the store, once, under it.
      expect((await storedConcerns()).map((c) => c.ref)).toEqual(shownRefs);
      return;
    }
    // Shown nothing: the reporter's chat is still at the summary and "Send it" works (with Redis, once the
    // dead server's turn lock has lapsed: until then the post answers 503 "busy", or the bot says to try again).
    const storedBefore = (await storedConcerns()).map((c) => c.ref);
    expect(storedBefore.length).toBeLessThanOrEqual(1);
    let reply = '';
    const giveUp = Date.now() + 30_000;
    do {
      const polled = await pollChatAll(second.url, grant, watermark);
      const answer = await turn(second.url, grant, 'Send it', polled.watermark, true);
      reply = answer.texts.join('\n');
      watermark = answer.watermark;
      if (UNAVAILABLE.test(reply) || reply === 'busy') await new Promise((r) => setTimeout(r, 1000));
    } while ((UNAVAILABLE.test(reply) || reply === 'busy') && Date.now() < giveUp);
    expect(reply).toMatch(/has been received/);
    const refs = [...new Set(reply.match(REF) ?? [])];
    expect(refs).toHaveLength(1);
    // Exactly one report, and if the dead service had stored it, the reference is that one.
    expect((await storedConcerns()).map((c) => c.ref)).toEqual(refs);
    if (storedBefore.length === 1) expect(refs).toEqual(storedBefore);
  } finally {
    second.service.child.kill('SIGKILL');
    await second.service.exited;
  }
}

/** Every activity from `watermark` on, in one poll. */
async function pollChatAll(url: string, grant: Grant, watermark: string): Promise<{ activities: Array<Record<string, unknown>>; watermark: string }> {
  const res = await fetch(`${url}/v3/directline/conversations/${grant.conversationId}/activities?watermark=${watermark}`, {
    headers: { Authorization: `Bearer ${grant.token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { activities: Array<Record<string, unknown>>; watermark: string };
}

describe('the service killed while a report is sent, then started again', () => {
  it.each(KILL_AFTER_MS)('on the embedded default (SQLite in DATA_DIR), killed %i ms after "Send it"', async (killAfterMs) => {
    const dir = dataDir();
    const stored = async () => {
      const db = openDatabase(dir, { readOnly: true });
      try {
        return await new SqliteConcernStore(db, testDueAt).list();
      } finally {
        db.close();
      }
    };
    await killedMidSend({ DATA_DIR: dir }, killAfterMs, stored);
  }, 180_000);

  it.each(KILL_AFTER_MS)('on Redis, killed %i ms after "Send it"', async (killAfterMs) => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    // The same token key and prefix for both processes, as two deploys of one service.
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir(), DIRECTLINE_TOKEN_SECRET: randomBytes(32).toString('base64') };
    const stored = () => new RedisConcernStore(redis.client, prefix, testDueAt).list();
    await killedMidSend(env, killAfterMs, stored);
  }, 180_000);
});
