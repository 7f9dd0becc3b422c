import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export interface SessionTimeouts {
  /** A session unused this long is over. */
  idleMs: number;
  /** A session this old is over, however busy. */
  absoluteMs: number;
}

/** An idle half hour, or a twelve-hour shift, ends a session. */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

export interface Session {
  staffId: string;
  /** Sent back with every form post; compared in constant time by the caller. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

/**
 * Console sessions. Stored under a SHA-256 hash of the token, never the token: a copy of the store
 * (a Redis dump) yields no usable session.
 */
export interface SessionStore {
  /** A new session; the token (32 random bytes, base64url) is the cookie's value and is not kept. */
  create(staffId: string, now: Date): Promise<{ token: string; session: Session }>;
  /** The session, its lastSeenAt moved to now; undefined when unknown, idle too long or too old. */
  get(token: string, now: Date): Promise<Session | undefined>;
  destroy(token: string): Promise<void>;
  /** Ends every session of one member of staff (when the account is disabled); resolves to how many. */
  destroyAllFor(staffId: string): Promise<number>;
}

export const sessionSchema = z.strictObject({
  staffId: z.string().min(1).max(64),
  csrfToken: z.string().min(1),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});

/** 32 random bytes, base64url: for session tokens and CSRF tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a session is stored under. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Throws when the timeouts cannot work, so a bad setting stops start-up rather than every sign-in. */
export function checkTimeouts(timeouts: SessionTimeouts): SessionTimeouts {
  const { idleMs, absoluteMs } = timeouts;
  if (!Number.isSafeInteger(idleMs) || idleMs <= 0) throw new Error('session idle timeout must be a positive whole number of ms');
  if (!Number.isSafeInteger(absoluteMs) || absoluteMs < idleMs) throw new Error('session absolute timeout must be whole ms and at least the idle timeout');
  return { idleMs, absoluteMs };
}

/** How long the session may still live unused (ms), or 0 when it is over at `now`. */
export function remainingMs(session: Session, now: Date, timeouts: SessionTimeouts): number {
  const t = now.getTime();
  const idleLeft = Date.parse(session.lastSeenAt) + timeouts.idleMs - t;
  const absoluteLeft = Date.parse(session.createdAt) + timeouts.absoluteMs - t;
  return Math.max(0, Math.min(idleLeft, absoluteLeft));
}
