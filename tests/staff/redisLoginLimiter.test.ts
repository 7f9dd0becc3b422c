import { createLogger } from '../../src/logging/logger';
import { RedisLoginLimiter } from '../../src/staff/redisLoginLimiter';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { at, describeLoginLimiterContract, HASH_KEY } from './loginLimiterContract';

let helper: Awaited<ReturnType<typeof connectTestRedis>>;
let client: RedisClient;
let prefix: string;

beforeAll(async () => {
  helper = await connectTestRedis();
});
afterAll(async () => {
  await helper.close();
});

async function makeLimiter(): Promise<RedisLoginLimiter> {
  prefix = uniquePrefix();
  client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  await client.connect();
  return new RedisLoginLimiter(client, prefix, HASH_KEY);
}

async function teardown(): Promise<void> {
  await helper.clean(prefix);
  if (client.isOpen) await client.close();
}

describeLoginLimiterContract('RedisLoginLimiter', makeLimiter, teardown);

describe('RedisLoginLimiter in Redis', () => {
  afterEach(teardown);

  it('keeps neither the sign-in name nor the address in the clear, in keys or values', async () => {
    const limiter = await makeLimiter();
    for (let i = 0; i < 3; i++) await limiter.fail('jo-bloggs-7k2p', at(i));
    for (let i = 0; i < 5; i++) await limiter.fail('203.0.113.7', at(i));
    const keys: string[] = [];
    for await (const batch of helper.client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    expect(keys.sort().map((k) => k.slice(prefix.length).replace(/[0-9a-f]{64}$/, 'HMAC'))).toEqual(['login:fail:HMAC', 'login:lock:HMAC']);
    const values = await Promise.all(
      keys.map(async (k) => ((await helper.client.type(k)) === 'zset' ? (await helper.client.zRange(k, 0, -1)).join(',') : await helper.client.get(k))),
    );
    const everything = [...keys, ...values].join('\n');
    for (const clear of ['jo-bloggs', '203.0.113.7', '203.0.113']) expect(everything).not.toContain(clear);
  });

  it('shares state between limiters on the same Redis (instances of the service) and uses the hash key', async () => {
    const a = await makeLimiter();
    for (let i = 0; i < 5; i++) await a.fail('jo-bloggs-7k2p', at(i));
    expect((await new RedisLoginLimiter(client, prefix, HASH_KEY).check('jo-bloggs-7k2p', at(5))).allowed).toBe(false);
    expect((await new RedisLoginLimiter(client, prefix, 'another-hash-key-of-32-characters').check('jo-bloggs-7k2p', at(5))).allowed).toBe(true);
  });
});
