import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLine } from '../../src/concerns/concernLog';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { openStores, type Stores } from '../../src/storage/openStores';
import { DATABASE_FILE } from '../../src/storage/sqliteDatabase';
import { sampleConcern, TEST_CLOCK } from '../helpers/concerns';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { LogCapture } from '../helpers/testApp';

let root: string;
let dataDir: string;
let opened: Stores[] = [];
let redis: TestRedis;
const prefixes: string[] = [];

beforeAll(async () => {
  redis = await connectTestRedis();
});
afterAll(async () => {
  for (const prefix of prefixes) await redis.clean(prefix);
  await redis.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'clearsight-stores-'));
  dataDir = join(root, 'data');
});
afterEach(async () => {
  for (const stores of opened) await stores.close();
  opened = [];
  rmSync(root, { recursive: true, force: true });
});

async function open(env: Record<string, string>, logs = new LogCapture()): Promise<Stores> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env });
  const stores = await openStores(config, { clock: TEST_CLOCK, logger: createLogger('debug', logs), redisWaitMs: 3000 });
  opened.push(stores);
  return stores;
}

/** One round trip through every store: what the service does with each. */
async function useEveryStore(stores: Stores): Promise<void> {
  const concern = sampleConcern();
  expect(await stores.concerns.submit(concern)).toEqual({ ref: concern.ref, duplicate: false });
  expect((await stores.concerns.queue(concern.agency, { closed: false, limit: 5 })).concerns.map((c) => c.ref)).toEqual([concern.ref]);
  await stores.conversations.write({ 'chat/1': { step: 3 } });
  expect((await stores.conversations.read(['chat/1']))['chat/1']).toMatchObject({ step: 3 });
  const account = { id: 'jo-bloggs-7k2p', agency: concern.agency, name: 'Jo Bloggs', role: 'duty' as const, createdAt: new Date().toISOString(), disabledAt: null };
  await stores.staff.add(account, 'scrypt$hash');
  expect((await stores.staff.get(account.id))?.account).toEqual(account);
  const { token } = await stores.sessions.create(account.id, new Date());
  expect((await stores.sessions.get(token, new Date()))?.staffId).toBe(account.id);
  await stores.audit.append({ at: new Date().toISOString(), staffId: account.id, agency: concern.agency, action: 'view', ref: concern.ref, detail: {} });
  expect(await stores.audit.forRef(concern.ref)).toHaveLength(1);
  await stores.limiters.name.fail('jo', new Date());
  expect((await stores.limiters.name.check('jo', new Date())).allowed).toBe(true);
  for (const probe of stores.readiness) expect(await probe.isReady()).toBe(true);
}

describe('openStores: the one place that chooses between Redis and the embedded database', () => {
  it('without REDIS_URL, opens every store in one SQLite file in DATA_DIR, 0600, that outlives a restart', async () => {
    const stores = await open({});
    expect(stores.kind).toBe('sqlite');
    await useEveryStore(stores);
    expect(statSync(join(dataDir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    await stores.close();
    for (const probe of stores.readiness) expect(await probe.isReady()).toBe(false);
    const again = await open({});
    expect(await again.concerns.list()).toHaveLength(1);
    expect(await again.staff.list()).toHaveLength(1);
    expect((await again.conversations.read(['chat/1']))['chat/1']).toMatchObject({ step: 3 });
  });

  it('with REDIS_URL, opens every store on Redis under the key prefix', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const stores = await open({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
    expect(stores.kind).toBe('redis');
    await useEveryStore(stores);
    const keys: string[] = [];
    for await (const batch of redis.client.scanIterator({ MATCH: '*', COUNT: 1000 })) keys.push(...batch.filter((k) => k.includes(prefix.slice(0, -1))));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(prefix))).toBe(true);
  });

  it('imports the old JSON-lines concern log at start-up, once, and says how many in the log', async () => {
    const concern = sampleConcern();
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'concerns.jsonl'), Buffer.concat([encodeLine({ op: 'submit', concern }), Buffer.from('{"not a line"}\n')]), { mode: 0o600 });
    const logs = new LogCapture();
    const stores = await open({}, logs);
    expect((await stores.concerns.get(concern.ref))?.ref).toBe(concern.ref);
    expect(logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code === 'OLD_FILES_IMPORTED')).toMatchObject({ concerns: 1, skippedLines: 1 });
    expect(logs.text).not.toContain(concern.answers.worry!);
    await stores.close();
    const quiet = new LogCapture();
    const again = await open({}, quiet);
    expect(await again.concerns.list()).toHaveLength(1);
    expect(quiet.text).not.toContain('OLD_FILES_IMPORTED');
  });

  it('indexes Redis data written before the indexes at start-up', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const concern = sampleConcern();
    await redis.client.set(`${prefix}concern:${concern.ref}`, JSON.stringify(concern));
    await redis.client.zAdd(`${prefix}concerns`, { score: Date.parse(concern.receivedAt), value: concern.ref });
    await redis.client.xAdd(`${prefix}queue:${concern.agency}`, '*', { event: 'new', ref: concern.ref, urgent: '0' });
    const logs = new LogCapture();
    const stores = await open({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }, logs);
    expect((await stores.concerns.queue(concern.agency, { closed: false, limit: 5 })).concerns.map((c) => c.ref)).toEqual([concern.ref]);
    expect(await redis.client.exists(`${prefix}queue:${concern.agency}`)).toBe(0);
    expect(logs.text).toMatch(/"code":"CONCERN_INDEX_BUILT"/);
  });

  it('for the service, goes on once Redis has refused a few connection attempts, not after the whole wait', async () => {
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    const stores = await openStores(config, { clock: TEST_CLOCK, logger: createLogger('silent'), redisWaitMs: 20_000 });
    opened.push(stores);
    // Four refused attempts with the client's backoff (100, 200, 400 ms): well under a second on a quiet machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const probe of stores.readiness) expect(await probe.isReady()).toBe(false);
  });

  it('for an operator’s command, refuses with a clear error when Redis does not answer', async () => {
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    await expect(
      openStores(config, { clock: TEST_CLOCK, logger: createLogger('silent'), redisWaitMs: 500, requireRedis: true }),
    ).rejects.toThrow('Redis did not answer within 0.5 s');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
