import { randomBytes } from 'node:crypto';
import { keyHasher } from '../staff/loginLimiter';

export interface RateVerdict {
  allowed: boolean;
  /** Whole seconds until one more is allowed (0 when allowed), for Retry-After. */
  retryAfterSeconds: number;
}

/** Counts events per key in a sliding window: in this process's memory, or in Redis for every server. */
export interface RateLimit {
  /** Counts one event for the key if it is allowed. */
  hit(key: string): RateVerdict | Promise<RateVerdict>;
}

/** Builds a rate limit: `name` tells limits apart in a shared store; keys are kept as HMACs under `hashKey`. */
export type RateWindows = (name: string, limit: number, windowMs: number, hashKey: Buffer | string) => RateLimit;

/** Above this many keys, keys with nothing left in their window are dropped on the next hit. */
const SWEEP_ABOVE = 10_000;

/**
 * At most `limit` events per key in any `windowMs` (a sliding window), in memory. Keys are kept only as
 * keyed hashes under a key made at start-up, so a client address never sits in memory in the clear either.
 */
export class RateWindow implements RateLimit {
  private readonly hits = new Map<string, number[]>();
  private readonly hash = keyHasher(randomBytes(32));

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event for the key if it is allowed. */
  hit(key: string): RateVerdict {
    const now = this.now();
    if (this.hits.size > SWEEP_ABOVE) this.sweep(now);
    const hashed = this.hash(key);
    const recent = (this.hits.get(hashed) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(hashed, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(hashed, recent);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
  }
}
