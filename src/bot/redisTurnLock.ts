import { LuaScript } from '../concerns/concernScripts';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import type { RedisClient } from '../storage/redisClient';
import { withWriteFence } from '../storage/writeFence';
import { TurnLockTimeoutError, type TurnLock } from './turnLock';

/** KEYS: lock. ARGV: fencing token, lease ms. Extends the lease only while the lock is still ours. */
const EXTEND = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/** KEYS: lock. ARGV: this server's unreleased token, the new token, lease ms. Takes over our own stale lock. */
const TAKE_OVER = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0
`);

/** KEYS: lock. ARGV: fencing token. Releases the lock only if it is still ours (a late holder never frees another's). */
const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface TurnLockOptions {
  /** How long a lock lasts unless its holder extends it (a crashed server's lock frees itself after this). */
  leaseMs: number;
  /** How long a turn waits for the lock before giving up (TurnLockTimeoutError). */
  waitMs: number;
}

const DEFAULTS: TurnLockOptions = { leaseMs: 15_000, waitMs: 10_000 };

/**
 * One turn at a time per conversation across servers: `{prefix}turnlock:{conversation}` holds the fencing
 * token of the turn that has it (from one counter, so later holders have larger tokens), set with NX and a
 * lease that the holder extends every third of the lease while its turn runs. Only the holder's token
 * extends or releases it. A server that dies mid-turn frees the conversation when its lease runs out. A turn
 * that cannot get the lock within `waitMs` fails rather than run beside another. A turn that stalls past its
 * lease and wakes after another has taken the lock cannot save its state: every state write in the turn is
 * fenced by the token (see writeFence.ts).
 */
export class RedisTurnLock implements TurnLock {
  private readonly options: TurnLockOptions;
  /**
   * Locks this server took and could not release (Redis went away mid-turn), by key. This server's turns of a
   * conversation run one after another (TurnQueue), so when the next one comes the turn that held it is over:
   * it takes its own lock back at once instead of waiting out the lease.
   */
  private readonly unreleased = new Map<string, string>();

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly logger: Logger,
    options: Partial<TurnLockOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async around<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    const key = `${this.prefix}turnlock:${conversationId}`;
    const token = await this.acquire(key);
    const renew = setInterval(() => {
      EXTEND.run(this.client, [key], [token, String(this.options.leaseMs)]).then(
        (kept) => {
          if (Number(kept) !== 1) this.logger.warn({ code: 'TURN_LOCK_LOST' }, 'a turn outlived its lock');
        },
        (err: unknown) => this.logger.warn({ code: 'TURN_LOCK_EXTEND_FAILED', err: errorSummary(err) }, 'could not extend a turn lock'),
      );
    }, Math.floor(this.options.leaseMs / 3));
    renew.unref();
    try {
      // The turn's state writes check that this lock still holds this token (see writeFence.ts).
      return await withWriteFence({ key, token }, turn);
    } finally {
      clearInterval(renew);
      await RELEASE.run(this.client, [key], [token]).then(
        () => this.unreleased.delete(key),
        () => this.unreleased.set(key, token), // its lease frees it, or this server's next turn takes it back
      );
    }
  }

  /** Takes the lock, retrying with a short growing pause until the wait is over; returns the fencing token. */
  private async acquire(key: string): Promise<string> {
    const token = String(await this.client.incr(`${this.prefix}turnlock:fence`));
    const deadline = Date.now() + this.options.waitMs;
    const stale = this.unreleased.get(key);
    if (stale !== undefined) {
      this.unreleased.delete(key);
      if (Number(await TAKE_OVER.run(this.client, [key], [stale, token, String(this.options.leaseMs)])) === 1) return token;
    }
    for (let attempt = 0; ; attempt += 1) {
      const set = await this.client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: this.options.leaseMs } });
      if (set === 'OK') return token;
      if (Date.now() >= deadline) throw new TurnLockTimeoutError('the conversation stayed busy on another server');
      const pause = Math.min(50, 2 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
