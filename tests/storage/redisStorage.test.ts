import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { RedisStorage } from '../../src/storage/redisStorage';
import { createLogger } from '../../src/logging/logger';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { describeStorageContract } from './storageContract';

/**
 * Long enough that nothing expires between two steps of a test on a busy machine (300 ms did: a stale
 * eTag was then accepted because the item had already gone). Expiry itself is brought forward below.
 */
const TTL_MS = 60_000;
let client: RedisClient;
let prefix: string;
let helper: Awaited<ReturnType<typeof connectTestRedis>>;

beforeAll(async () => {
  helper = await connectTestRedis();
});
afterAll(async () => {
  await helper.close();
});

async function makeStorage() {
  prefix = uniquePrefix();
  client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  await client.connect();
  return new RedisStorage(client, prefix, TTL_MS);
}

async function teardown() {
  await helper.clean(prefix);
  await client.close();
}

describeStorageContract(
  'RedisStorage',
  async () => ({
    storage: await makeStorage(),
    // Redis's own expiry, brought forward: every key the storage wrote (each has its TTL: see below) expires now.
    expire: async () => {
      for await (const keys of helper.client.scanIterator({ MATCH: `${prefix}*` })) for (const key of keys) await helper.client.pExpire(key, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  }),
  teardown,
);

describe('RedisStorage specifics', () => {
  let storage: RedisStorage;
  beforeEach(async () => {
    storage = await makeStorage();
  });
  afterEach(teardown);

  it('keeps every key under its prefix, with a TTL set', async () => {
    await storage.write({ 'webchat/conversations/c1': { n: 1 } });
    const keys: string[] = [];
    for await (const batch of helper.client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    expect(keys).toEqual([`${prefix}state:webchat/conversations/c1`]);
    const ttl = await helper.client.pTTL(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL_MS);
  });

  it('reports ready while Redis answers, and not ready once the connection is closed', async () => {
    expect(await storage.isReady()).toBe(true);
    await client.close();
    expect(await storage.isReady()).toBe(false);
    client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
    await client.connect();
  });
});
