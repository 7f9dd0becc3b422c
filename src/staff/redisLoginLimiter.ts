import { randomBytes } from 'node:crypto';
import { LuaScript } from '../concerns/concernScripts';
import type { RedisClient } from '../storage/redisClient';
import { checkLimits, keyHasher, verdict, type LoginLimiter, type LoginLimits, type LoginVerdict } from './loginLimiter';

/**
 * Records a failure and locks the key out at the limit, in one step.
 * KEYS: failures (sorted set of times), lock (lockedUntil ms).
 * ARGV: now, window start, member, max failures, lockedUntil if locked now, lockout ms, window ms.
 */
const FAIL = new LuaScript(`
local locked = redis.call('GET', KEYS[2])
if locked and tonumber(locked) > tonumber(ARGV[1]) then return -1 end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
local count = redis.call('ZCARD', KEYS[1])
if count >= tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
end
return count
`);

/**
 * The login limiter in Redis, shared by every instance of the service: `login:fail:{hmac}` a sorted set
 * of failure times, `login:lock:{hmac}` when the lockout ends. Times come from the caller's clock; the
 * keys' expiry only tidies up.
 */
export class RedisLoginLimiter implements LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly hash: (key: string) => string;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    hashKey: string | Buffer,
    options: Partial<LoginLimits> = {},
  ) {
    this.limits = checkLimits(options);
    this.hash = keyHasher(hashKey);
  }

  async check(key: string, now: Date): Promise<LoginVerdict> {
    const { fails, lock } = this.keys(key);
    const windowStart = now.getTime() - this.limits.windowMs;
    const [lockedUntil, recent] = await Promise.all([this.client.get(lock), this.client.zCount(fails, `(${windowStart}`, '+inf')]);
    return verdict(this.limits, now, Number(lockedUntil ?? 0), recent);
  }

  async fail(key: string, now: Date): Promise<void> {
    const { fails, lock } = this.keys(key);
    const t = now.getTime();
    const { windowMs, lockoutMs, maxFailures } = this.limits;
    // Distinct members: two failures in the same millisecond both count.
    const member = `${t}:${randomBytes(4).toString('hex')}`;
    const args = [t, t - windowMs, member, maxFailures, t + lockoutMs, lockoutMs, windowMs].map(String);
    await FAIL.run(this.client, [fails, lock], args);
  }

  async succeed(key: string): Promise<void> {
    const { fails, lock } = this.keys(key);
    await this.client.del([fails, lock]);
  }

  private keys(key: string): { fails: string; lock: string } {
    const hashed = this.hash(key);
    return { fails: `${this.prefix}login:fail:${hashed}`, lock: `${this.prefix}login:lock:${hashed}` };
  }
}
