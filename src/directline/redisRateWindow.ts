import { randomBytes } from 'node:crypto';
import { LuaScript } from '../concerns/concernScripts';
import { keyHasher } from '../staff/loginLimiter';
import type { RedisClient } from '../storage/redisClient';
import type { RateLimit, RateVerdict } from './rateWindow';

/**
 * KEYS: the key's sorted set of event times. ARGV: now, window ms, limit, member.
 * Returns {1, 0} when counted, or {0, oldest time} when the window is full.
 */
const HIT = new LuaScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return { 0, tonumber(oldest[2]) }
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return { 1, 0 }
`);

/**
 * A sliding-window rate limit in Redis, shared by every server: `{prefix}rate:{name}:{hmac of the key}` a
 * sorted set of event times, expiring with the window. Times come from the caller's clock (servers' clocks
 * must agree to within a second or so). A client address is never written in the clear.
 */
export class RedisRateWindow implements RateLimit {
  private readonly hash: (key: string) => string;

  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
    hashKey: Buffer | string,
    private readonly now: () => number = Date.now,
  ) {
    this.hash = keyHasher(hashKey);
  }

  async hit(key: string): Promise<RateVerdict> {
    const now = this.now();
    const member = `${now}:${randomBytes(4).toString('hex')}`; // two hits in one millisecond both count
    const out = await HIT.run(this.client, [`${this.keyPrefix}${this.hash(key)}`], [String(now), String(this.windowMs), String(this.limit), member]);
    const [allowed, oldest] = Array.isArray(out) ? out.map(Number) : [0, now];
    if (allowed === 1) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((oldest ?? now) + this.windowMs - now) / 1000)) };
  }
}
