import type { SqliteDatabase } from '../storage/sqliteDatabase';
import {
  checkTimeouts,
  newToken,
  remainingMs,
  sessionSchema,
  tokenHash,
  type Session,
  type SessionStore,
  type SessionTimeouts,
} from './sessionStore';
import { parseStored } from './staffStore';

/**
 * Sessions in the embedded database: table `sessions`, keyed by the SHA-256 of the token (never the
 * token), the session as JSON, and when it ends (ms, the sooner of the idle and absolute limits, moved on
 * by every get). Times come from the caller's clock. A session found over is deleted when it is read, and
 * each new session sweeps away those that ended unread, so abandoned ones do not pile up (no timer).
 */
export class SqliteSessionStore implements SessionStore {
  private readonly timeouts: SessionTimeouts;
  private readonly insert;
  private readonly select;
  private readonly touch;
  private readonly deleteOne;
  private readonly deleteAllFor;
  private readonly deleteEnded;

  constructor(db: SqliteDatabase, timeouts: SessionTimeouts) {
    this.timeouts = checkTimeouts(timeouts);
    db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL,
        session TEXT NOT NULL,
        ends_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS sessions_by_staff ON sessions (staff_id);
      CREATE INDEX IF NOT EXISTS sessions_by_end ON sessions (ends_at);
    `);
    this.insert = db.prepare<[string, string, string, number]>('INSERT INTO sessions (hash, staff_id, session, ends_at) VALUES (?, ?, ?, ?)');
    this.select = db.prepare<[string], { session: string }>('SELECT session FROM sessions WHERE hash = ?');
    this.touch = db.prepare<[string, number, string]>('UPDATE sessions SET session = ?, ends_at = ? WHERE hash = ?');
    this.deleteOne = db.prepare<[string]>('DELETE FROM sessions WHERE hash = ?');
    this.deleteAllFor = db.prepare<[string]>('DELETE FROM sessions WHERE staff_id = ?');
    this.deleteEnded = db.prepare<[number]>('DELETE FROM sessions WHERE ends_at <= ?');
  }

  async create(staffId: string, now: Date): Promise<{ token: string; session: Session }> {
    this.deleteEnded.run(now.getTime());
    const token = newToken();
    const at = now.toISOString();
    const session: Session = { staffId, csrfToken: newToken(), createdAt: at, lastSeenAt: at };
    this.insert.run(tokenHash(token), staffId, JSON.stringify(session), this.endsAt(session, now));
    return { token, session };
  }

  async get(token: string, now: Date): Promise<Session | undefined> {
    const hash = tokenHash(token);
    const row = this.select.get(hash);
    if (!row) return undefined;
    const session = parseStored(row.session, sessionSchema, `sessions table, ${hash}`);
    const seen: Session = { ...session, lastSeenAt: now.toISOString() };
    // Over at `now` as stored (or as it would be seen): deleted, so that going back in time cannot revive it.
    if (remainingMs(session, now, this.timeouts) <= 0 || remainingMs(seen, now, this.timeouts) <= 0) {
      this.deleteOne.run(hash);
      return undefined;
    }
    this.touch.run(JSON.stringify(seen), this.endsAt(seen, now), hash);
    return seen;
  }

  async destroy(token: string): Promise<void> {
    this.deleteOne.run(tokenHash(token));
  }

  async destroyAllFor(staffId: string): Promise<number> {
    return this.deleteAllFor.run(staffId).changes;
  }

  private endsAt(session: Session, now: Date): number {
    return now.getTime() + remainingMs(session, now, this.timeouts);
  }
}
