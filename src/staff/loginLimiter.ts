import { createHmac } from 'node:crypto';

export interface LoginVerdict {
  /** False while the key is locked out: answer 429 without checking the password. */
  allowed: boolean;
  /** Whole seconds until the lockout ends (0 when allowed), for Retry-After. */
  retryAfterSeconds: number;
  /** How long to wait before answering this attempt, growing with each recent failure. */
  delayMs: number;
}

/**
 * Slows and then stops password guessing, per key: the caller checks a lower-cased sign-in name and a
 * client address separately. Keys are kept only as keyed hashes (HMAC-SHA256), never in the clear.
 */
export interface LoginLimiter {
  check(key: string, now: Date): Promise<LoginVerdict>;
  fail(key: string, now: Date): Promise<void>;
  /** Forgets the key's failures (after a good password). */
  succeed(key: string): Promise<void>;
}

export interface LoginLimits {
  /** This many failures within the window locks the key out. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  /** The delay after 0, 1, 2… recent failures; the last applies to any more. */
  delaysMs: readonly number[];
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
  delaysMs: [0, 250, 500, 1000, 2000],
};

/** The limits with defaults filled in; throws for limits that cannot work, when the limiter is built. */
export function checkLimits(options: Partial<LoginLimits>): LoginLimits {
  const limits = { ...DEFAULT_LOGIN_LIMITS, ...options };
  const whole = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (!whole(limits.maxFailures) || !whole(limits.windowMs) || !whole(limits.lockoutMs)) {
    throw new Error('login limits: maxFailures, windowMs and lockoutMs must be positive whole numbers');
  }
  if (limits.delaysMs.length === 0 || limits.delaysMs.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new Error('login limits: delaysMs must list whole numbers of ms, at least one');
  }
  return limits;
}

/** Turns keys into keyed hashes; the hash key must be long enough that the hashes cannot be guessed back. */
export function keyHasher(hashKey: string | Buffer): (key: string) => string {
  if (Buffer.byteLength(hashKey) < 16) throw new Error('login limiter: the hash key must be at least 16 bytes');
  return (key) => createHmac('sha256', hashKey).update(key).digest('hex');
}

export function verdict(limits: LoginLimits, now: Date, lockedUntil: number, recentFailures: number): LoginVerdict {
  const locked = lockedUntil - now.getTime();
  if (locked > 0) return { allowed: false, retryAfterSeconds: Math.ceil(locked / 1000), delayMs: 0 };
  const delays = limits.delaysMs;
  return { allowed: true, retryAfterSeconds: 0, delayMs: delays[Math.min(recentFailures, delays.length - 1)] ?? 0 };
}
