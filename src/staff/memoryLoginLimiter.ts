import { checkLimits, keyHasher, verdict, type LoginLimiter, type LoginLimits, type LoginVerdict } from './loginLimiter';

interface Attempts {
  /** When each failure in the window happened (ms). */
  failures: number[];
  lockedUntil: number;
}

/** Above this many keys, keys with nothing left to remember are dropped on the next failure. */
const SWEEP_ABOVE = 10_000;

/** The login limiter in this process's memory (no Redis). */
export class MemoryLoginLimiter implements LoginLimiter {
  private readonly attempts = new Map<string, Attempts>();
  private readonly limits: LoginLimits;
  private readonly hash: (key: string) => string;

  constructor(hashKey: string | Buffer, options: Partial<LoginLimits> = {}) {
    this.limits = checkLimits(options);
    this.hash = keyHasher(hashKey);
  }

  async check(key: string, now: Date): Promise<LoginVerdict> {
    const a = this.attempts.get(this.hash(key));
    return verdict(this.limits, now, a?.lockedUntil ?? 0, a ? this.recent(a, now).length : 0);
  }

  async fail(key: string, now: Date): Promise<void> {
    if (this.attempts.size > SWEEP_ABOVE) this.sweep(now);
    const hashed = this.hash(key);
    const a = this.attempts.get(hashed) ?? { failures: [], lockedUntil: 0 };
    // A failure while locked out (a request that raced the lockout) neither counts nor extends it.
    if (a.lockedUntil > now.getTime()) return;
    a.failures = [...this.recent(a, now), now.getTime()];
    if (a.failures.length >= this.limits.maxFailures) {
      a.failures = [];
      a.lockedUntil = now.getTime() + this.limits.lockoutMs;
    }
    this.attempts.set(hashed, a);
  }

  async succeed(key: string): Promise<void> {
    this.attempts.delete(this.hash(key));
  }

  private recent(a: Attempts, now: Date): number[] {
    const windowStart = now.getTime() - this.limits.windowMs;
    return a.failures.filter((t) => t > windowStart);
  }

  private sweep(now: Date): void {
    for (const [hashed, a] of this.attempts) {
      if (a.lockedUntil <= now.getTime() && this.recent(a, now).length === 0) this.attempts.delete(hashed);
    }
  }
}
