import { RedisLoginLimiter } from '../../src/staff/redisLoginLimiter';
import { useRedisFixture } from '../helpers/redis';
import { at, describeLoginLimiterContract, HASH_KEY } from './loginLimiterContract';

const redis = useRedisFixture();

async function makeLimiter(): Promise<RedisLoginLimiter> {
  const { client, prefix } = await redis.open();
  return new RedisLoginLimiter(client, prefix, HASH_KEY);
}

const teardown = () => redis.teardown();

describeLoginLimiterContract('RedisLoginLimiter', makeLimiter, teardown);

describe('RedisLoginLimiter in Redis', () => {
  afterEach(teardown);

  it('keeps neither the sign-in name nor the address in the clear, in keys or values', async () => {
    const limiter = await makeLimiter();
    for (let i = 0; i < 3; i++) await limiter.fail('jo-bloggs-7k2p', at(i));
    for (let i = 0; i < 5; i++) await limiter.fail('203.0.113.7', at(i));
    const keys: string[] = [];
    for await (const batch of redis.helper.client.scanIterator({ MATCH: `${redis.prefix}*` })) keys.push(...batch);
    expect(keys.sort().map((k) => k.slice(redis.prefix.length).replace(/[0-9a-f]{64}$/, 'HMAC'))).toEqual(['login:fail:HMAC', 'login:lock:HMAC']);
    const values = await Promise.all(
      keys.map(async (k) => ((await redis.helper.client.type(k)) === 'zset' ? (await redis.helper.client.zRange(k, 0, -1)).join(',') : await redis.helper.client.get(k))),
    );
    const everything = [...keys, ...values].join('\n');
    for (const clear of ['jo-bloggs', '203.0.113.7', '203.0.113']) expect(everything).not.toContain(clear);
  });

  it('shares state between limiters on the same Redis (instances of the service) and uses the hash key', async () => {
    const a = await makeLimiter();
    for (let i = 0; i < 5; i++) await a.fail('jo-bloggs-7k2p', at(i));
    expect((await new RedisLoginLimiter(redis.client, redis.prefix, HASH_KEY).check('jo-bloggs-7k2p', at(5))).allowed).toBe(false);
    expect((await new RedisLoginLimiter(redis.client, redis.prefix, 'another-hash-key-of-32-characters').check('jo-bloggs-7k2p', at(5))).allowed).toBe(true);
  });
});
