import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { SqliteConcernOutbox } from '../../src/concerns/sqliteConcernOutbox';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { messageActivity } from '../helpers/activities';
import { testDueAt } from '../helpers/concerns';
import { uniquePrefix } from '../helpers/redis';
import { RedisServer } from '../helpers/redisServer';
import { TcpProxy } from '../helpers/tcpProxy';
import { startTestApp, textsOf, type RunningApp } from '../helpers/testApp';

/**
 * Faults on a Redis server of the test's own (SIGKILL, then started again from its append-only file), behind a
 * proxy that lets the test kill it at a chosen command: between reading the chat and storing the report, or
 * between storing the report and saving the chat.
 */
const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/g;
const TO_SUMMARY = ['hi', 'Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous'];
/** What the turn error handler would add (the apology, or "having trouble, try again"): never after an outcome. */
const TURN_ERROR = /went wrong on our side|having trouble/;
const WAIT_MS = 30_000;

let redis: RedisServer | undefined;
let proxy: TcpProxy | undefined;
const apps: RunningApp[] = [];
const dirs: string[] = [];
let client: RedisClient | undefined;

beforeAll(async () => {
  redis = await RedisServer.start();
  proxy = new TcpProxy('127.0.0.1', redis.port);
  await proxy.start();
});
afterAll(async () => {
  for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
  if (client?.isOpen) client.destroy();
  await proxy?.down();
  await redis?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningApp> {
  const app = await startTestApp(env);
  apps.push(app);
  return app;
}

async function stop(app: RunningApp): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.stop();
}

async function say(app: RunningApp, conversationId: string, texts: string[]) {
  let last: Array<Record<string, unknown>> = [];
  for (const text of texts) last = await app.send(messageActivity(text, { conversationId }));
  return last;
}

/** Kills Redis (SIGKILL) the moment the app sends a command that matches, before Redis sees it. */
function killRedisOn(match: (sent: string) => boolean): void {
  proxy!.cutWhen = match;
  proxy!.onCut = () => void redis!.kill();
}

/**
 * Redis back from its append-only file, and the app's client reconnected (readiness says so). A turn that Redis
 * died under leaves its conversation's turn lock until the lock's lease runs out (src/bot/redisTurnLock.ts): the
 * reporter's next message would wait for it, so the test waits for the lease first.
 */
async function redisBack(app: RunningApp | undefined, prefix: string): Promise<void> {
  await redis!.restart();
  await proxy!.up();
  if (app) await until(async () => (await fetch(`${app.url}/readyz`)).status === 200, 'the app did not reconnect to Redis');
  const raw = await rawClient();
  // The test's own client may still be reconnecting after the kill: an error is "not yet".
  const locks = () => raw.keys(`${prefix}turnlock:*`).catch(() => ['(not connected yet)']);
  await until(async () => (await locks()).every((k) => k.endsWith(':fence')), 'a turn lock outlived its lease');
}

/** The test's own client on the Redis server (not through the proxy). */
async function rawClient(): Promise<RedisClient> {
  if (!client) {
    client = createRedisClient(redis!.url, createLogger('silent'));
    await client.connect();
  }
  return client;
}

async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  const limit = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > limit) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function concernStore(prefix: string): Promise<RedisConcernStore> {
  return new RedisConcernStore(await rawClient(), prefix, testDueAt);
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-faults-'));
  dirs.push(dir);
  return dir;
}

describe('reports while Redis is killed, and the service killed after', () => {
  it('keeps each report in the outbox and says so; the restarted service stores each exactly once with its reference', async () => {
    const prefix = uniquePrefix();
    const dir = dataDir();
    const env = { REDIS_URL: proxy!.url, REDIS_KEY_PREFIX: prefix, DATA_DIR: dir };
    const first = await start(env);
    const refs = new Map<string, string>(); // conversation → the reference in its outbox entry
    const conversations = ['faults-a', 'faults-b', 'faults-c'];
    for (const conversation of conversations) {
      await say(first, conversation, TO_SUMMARY);
      // Redis dies as the report is being stored (the chat was read; its submission key is the submit).
      killRedisOn((sent) => sent.includes(`${prefix}submission:`));
      const reply = await say(first, conversation, ['Send it']);
      const text = textsOf(reply);
      expect(reply).toHaveLength(1);
      expect(text).toMatch(/has NOT been sent yet, but I've kept it here and\s+I'll keep trying/);
      expect(text).not.toMatch(REF);
      expect(text).not.toMatch(TURN_ERROR);
      const outbox = new SqliteConcernOutbox(dir);
      const { entries } = await outbox.entries();
      outbox.close();
      const mine = entries.find((e) => ![...refs.values()].includes(e.concern.ref));
      expect(mine).toBeDefined();
      refs.set(conversation, mine!.concern.ref);
      // Redis back for the next reporter (the one just told "kept" may be delivered by the running service).
      if (conversation !== conversations.at(-1)) await redisBack(first, prefix);
    }
    // The service dies with Redis still down: what was waiting is only in the outbox file.
    await stop(first);
    const left = new SqliteConcernOutbox(dir);
    expect(await left.count()).toBeGreaterThanOrEqual(1);
    left.close();

    await redisBack(undefined, prefix);
    const second = await start(env);
    const outbox = new SqliteConcernOutbox(dir);
    try {
      await until(async () => (await outbox.count()) === 0, 'the outbox was not delivered');
    } finally {
      outbox.close();
    }
    const store = await concernStore(prefix);
    const stored = await store.list();
    expect(stored.map((c) => c.ref).sort()).toEqual([...refs.values()].sort());

    // Each reporter's "try again" (their chat is where it was saved: the summary) gives that same reference, and stores nothing new.
    for (const [conversation, ref] of refs) {
      const text = textsOf(await say(second, conversation, ['Try again']));
      expect(text.match(REF)).toEqual([ref]);
      expect(text).toMatch(/has been received/);
    }
    expect(await store.list()).toHaveLength(refs.size);
    expect(second.logs.text).toMatch(/"code":"CONCERN_STORED_LATE"/);
    for (const app of [second]) {
      expect(app.logs.text).not.toContain('carry parcels');
      for (const ref of refs.values()) expect(app.logs.text).not.toContain(ref);
    }
    await stop(second);
  }, 180_000);
});

describe('Redis killed between storing a report and saving the chat', () => {
  it('gives the reference once, with no "try again"; "Send it" again stores nothing new and gives the same reference', async () => {
    const prefix = uniquePrefix();
    const app = await start({ REDIS_URL: proxy!.url, REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir() });
    await say(app, 'faults-d', TO_SUMMARY);
    // The chat's save at the end of the turn is the one EVALSHA on its state key (the read at the start is HMGET).
    killRedisOn((sent) => sent.includes(`${prefix}state:`) && sent.includes('EVALSHA'));
    const reply = await say(app, 'faults-d', ['Send it']);
    expect(proxy!.cuts).toBeGreaterThan(0);
    const text = textsOf(reply);
    // The receipt, then the menu as after any report: nothing from the turn error handler.
    expect(reply.filter((a) => String(a.text).match(REF))).toHaveLength(1);
    expect(String(reply.at(-1)?.text)).toMatch(/anything else I can help with/);
    const refs = text.match(REF);
    expect(refs).toHaveLength(1);
    expect(text).toMatch(/has been received/);
    expect(text).not.toMatch(TURN_ERROR);
    expect(text).not.toMatch(/try again/i);
    expect(app.logs.text).toMatch(/"code":"TURN_FAILED_AFTER_OUTCOME"/);

    await redisBack(app, prefix);
    const store = await concernStore(prefix);
    expect((await store.list()).map((c) => c.ref)).toEqual(refs);
    const again = textsOf(await say(app, 'faults-d', ['Send it']));
    expect(again.match(REF)).toEqual(refs);
    expect(await store.list()).toHaveLength(1);
    await stop(app);
  }, 120_000);
});

describe('deleting a report the store took while the reporter was not told', () => {
  it('says it had already reached the team, with its reference, instead of "deleted, nothing kept"', async () => {
    const prefix = uniquePrefix();
    const app = await start({ REDIS_URL: proxy!.url, REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir() });
    await say(app, 'faults-e', TO_SUMMARY);
    killRedisOn((sent) => sent.includes(`${prefix}state:`) && sent.includes('EVALSHA'));
    const ref = textsOf(await say(app, 'faults-e', ['Send it'])).match(REF)?.[0];
    expect(ref).toBeDefined();
    await redisBack(app, prefix);
    // The chat was saved at its summary: "Delete it" there must not claim nothing was kept.
    const text = textsOf(await say(app, 'faults-e', ['Delete it']));
    expect(text).toMatch(/couldn't delete your report/);
    expect(text.match(REF)).toEqual([ref]);
    expect(text).not.toMatch(/nothing from it was kept/);
    expect((await (await concernStore(prefix)).list()).map((c) => c.ref)).toEqual([ref]);
    await stop(app);
  }, 120_000);
});
