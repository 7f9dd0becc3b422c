import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Concern } from '../../src/concerns/concern';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { messageActivity } from '../helpers/activities';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { TcpProxy } from '../helpers/tcpProxy';
import { startTestApp, textsOf, type RunningApp } from '../helpers/testApp';
import { testDueAt } from '../helpers/concerns';

const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;
const PHONE = '+447700900461';

/** Every value stored under a prefix (strings, hashes, stream entries), as text, except conversation state. */
async function everythingStored(client: RedisClient, prefix: string): Promise<string> {
  const parts: string[] = [];
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    for (const key of keys) {
      if (key.startsWith(`${prefix}state:`)) continue;
      parts.push(key);
      const type = await client.type(key);
      if (type === 'string') parts.push(String(await client.get(key)));
      else if (type === 'hash') parts.push(JSON.stringify(await client.hGetAll(key)));
      else if (type === 'stream') parts.push(JSON.stringify(await client.xRange(key, '-', '+')));
      else if (type === 'zset') parts.push(JSON.stringify(await client.zRange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await client.sMembers(key)));
      else if (type === 'list') parts.push(JSON.stringify(await client.lRange(key, 0, -1)));
      else parts.push(`(unread type ${type})`);
    }
  }
  return parts.join('\n');
}

describe('reporting over HTTP on the embedded default (no Redis)', () => {
  const REPORT = ['hi', 'Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous', 'Send it'];
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'clearsight-embedded-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function say(app: RunningApp, texts: string[], conversationId: string): Promise<string> {
    const said: string[] = [];
    for (const text of texts) said.push(textsOf(await app.send(messageActivity(text, { conversationId }))));
    return said.join('\n');
  }

  /** The concerns in the data directory's database, read as the operator's CLI would, beside the service. */
  async function storedConcerns(): Promise<Concern[]> {
    const db = openDatabase(dataDir);
    try {
      return await new SqliteConcernStore(db, testDueAt).list();
    } finally {
      db.close();
    }
  }

  it('keeps concerns in the data directory across a restart: the reporter comes back and finds theirs', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    const ref = REF.exec(await say(first, REPORT, 'embedded-1'))?.[0];
    expect(ref).toBeDefined();
    await first.stop();
    expect((await storedConcerns()).map((c) => c.ref)).toEqual([ref]);

    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      await second.send(messageActivity('hi', { conversationId: 'embedded-2' }));
      const status = textsOf(await second.send(messageActivity(`my reference is ${ref}`, { conversationId: 'embedded-2' })));
      expect(status).toContain(`Your report ${ref}: received`);
      expect(status).not.toContain('carry parcels');
    } finally {
      await second.stop();
    }
  });

  it('keeps a half-written report across a restart: the reporter carries on where they were', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    await say(first, REPORT.slice(0, 8), 'embedded-3');
    await first.stop();

    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      const rest = await say(second, REPORT.slice(8), 'embedded-3');
      const ref = REF.exec(rest)?.[0];
      expect(ref).toBeDefined();
      const [stored] = await storedConcerns();
      expect(stored).toMatchObject({ ref, area: 'sheffield', answers: { worry: 'My son is being used to carry parcels' } });
    } finally {
      await second.stop();
    }
  });

  it('recognises a report sent again after a crash that stored it but lost the chat’s last step: one concern, the same reference', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    await say(first, REPORT.slice(0, -1), 'embedded-4');
    // The chat as saved before its last step (the draft, with its submission id) ...
    const before = snapshotState(dataDir);
    const ref = REF.exec(await say(first, REPORT.slice(-1), 'embedded-4'))?.[0];
    expect(ref).toBeDefined();
    await first.stop();
    // ... is what a crash between storing the concern and saving the chat would have left.
    restoreState(dataDir, before);

    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      const again = await say(second, ['Send it'], 'embedded-4');
      expect(REF.exec(again)?.[0]).toBe(ref);
      expect((await storedConcerns()).map((c) => c.ref)).toEqual([ref]);
    } finally {
      await second.stop();
    }
  });
});

/** Every row of the conversation state table, through a connection of its own. */
function snapshotState(dataDir: string): unknown[] {
  const db = openDatabase(dataDir);
  try {
    return db.prepare('SELECT * FROM conversation_state').all();
  } finally {
    db.close();
  }
}

function restoreState(dataDir: string, rows: unknown[]): void {
  const db = openDatabase(dataDir);
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM conversation_state').run();
      for (const row of rows as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        db.prepare(`INSERT INTO conversation_state (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
      }
    })();
  } finally {
    db.close();
  }
}

describe('reporting over HTTP, on the real server and real Redis', () => {
  let helper: Awaited<ReturnType<typeof connectTestRedis>>;
  let storeClient: RedisClient;
  beforeAll(async () => {
    helper = await connectTestRedis();
    storeClient = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
    await storeClient.connect();
  });
  afterAll(async () => {
    await storeClient.close();
    await helper.close();
  });

  /** Sends each message in turn on one SMS conversation; returns every reply's text. */
  async function converse(t: RunningApp, messages: string[], conversationId = PHONE): Promise<string> {
    const out: string[] = [];
    for (const text of messages) {
      out.push(textsOf(await t.send(messageActivity(text, { channelId: 'sms', conversationId, userId: PHONE, from: { id: PHONE, name: 'Kim Reporter' } }))));
    }
    return out.join('\n---\n');
  }

  const REPORT = ['hi', 'Report a concern', '1', '1', 'Kids are being dropped off at a flat on our road late at night', 'two lads', '4', '13 or 14', '3', 'Goldthorpe', '3', '2', 'skip', '1', 'no', '1'];

  it('stores nothing that identifies an anonymous SMS reporter: no phone number, user id, name or conversation id', async () => {
    const prefix = uniquePrefix();
    const t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      const said = await converse(t, [...REPORT, '1']);
      const ref = REF.exec(said)?.[0];
      expect(ref).toBeDefined();
      const concern = await new RedisConcernStore(storeClient, prefix, testDueAt).get(ref!);
      expect(concern).toMatchObject({ agency: 'barnsley-front-door', channel: 'sms', reporter: { mode: 'anonymous' } });

      const stored = await everythingStored(storeClient, prefix);
      expect(stored).toContain(ref!);
      expect(stored).toContain('Kids are being dropped off');
      for (const identifying of [PHONE, '7700900461', 'Kim Reporter', '127.0.0.1']) expect(stored).not.toContain(identifying);
      // Nor do the logs hold the words of the report or the reporter's number.
      expect(t.logs.text).not.toContain('dropped off');
      expect(t.logs.text).not.toContain('7700900461');
      expect(t.logs.text).toMatch(/"code":"CONCERN_STORED"/);
    } finally {
      await t.stop();
      await helper.clean(prefix);
    }
  });

  it('never confirms while Redis is down (cut mid-submit), and delivers exactly once when it is back', async () => {
    const prefix = uniquePrefix();
    const target = new URL(TEST_REDIS_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const t = await startTestApp({ REDIS_URL: proxy.url, REDIS_KEY_PREFIX: prefix });
    const store = new RedisConcernStore(storeClient, prefix, testDueAt);
    try {
      await converse(t, REPORT);
      // The next Redis command that carries the submission key is the submit: the connection dies there.
      proxy.cutOn = `${prefix}submission:`;
      const failed = await converse(t, ['1']);
      expect(proxy.cuts).toBe(1);
      expect(failed).not.toMatch(REF);
      expect(failed).not.toMatch(/has been received/);
      expect(failed).toMatch(/has NOT been sent yet/);
      expect(await store.list()).toEqual([]);

      await proxy.up();
      await waitUntilReady(t);
      const sent = await converse(t, ['Try again']);
      const ref = REF.exec(sent)?.[0];
      expect(ref).toBeDefined();
      expect(sent).toMatch(/has been received/);
      // Whether the background retry or the reporter's "try again" got there first: one concern.
      const concerns = await store.list();
      expect(concerns.map((c) => c.ref)).toEqual([ref]);
      expect((await store.queue('barnsley-front-door', { closed: false, limit: 10 })).concerns.map((c) => c.ref)).toEqual([ref]);
    } finally {
      await t.stop();
      await proxy.down();
      await helper.clean(prefix);
    }
  });
});

async function waitUntilReady(t: RunningApp): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await fetch(`${t.url}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app did not reconnect to Redis');
}
