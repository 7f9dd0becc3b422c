import { RedisRateWindow } from '../../src/directline/redisRateWindow';
import { useRedisFixture } from '../helpers/redis';

describe('RedisRateWindow', () => {
  const redis = useRedisFixture();
  afterEach(() => redis.teardown());

  it('counts across every server sharing Redis, says how long to wait, and keeps no key in the clear', async () => {
    const { client, prefix } = await redis.open();
    let nowMs = 1_000_000;
    const key = 'k'.repeat(32);
    const a = new RedisRateWindow(client, `${prefix}rate:posts:`, 3, 60_000, key, () => nowMs);
    const b = new RedisRateWindow(client, `${prefix}rate:posts:`, 3, 60_000, key, () => nowMs);
    expect((await a.hit('203.0.113.9')).allowed).toBe(true);
    nowMs += 10_000;
    expect((await b.hit('203.0.113.9')).allowed).toBe(true);
    expect((await a.hit('203.0.113.9')).allowed).toBe(true);
    expect(await b.hit('203.0.113.9')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await b.hit('198.51.100.7')).allowed).toBe(true); // keys are separate
    nowMs += 50_001;
    expect((await a.hit('203.0.113.9')).allowed).toBe(true);
    const keys = await redis.helper.client.keys(`${prefix}*`);
    expect(keys.join(' ')).not.toMatch(/203\.0\.113\.9|198\.51/);
  });
});
