import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { checkLimits, keyHasher, verdict, type LoginLimiter, type LoginLimits, type LoginVerdict } from './loginLimiter';

/**
 * The login limiter in the embedded database: `login_failures` one row per failure (the key's HMAC, when,
 * and when the row is no longer needed) and `login_lockouts` when each locked-out key may try again. Keys
 * are kept only as keyed hashes. Times come from the caller's clock. The name and client limiters share
 * the tables (their keys differ inside the hash), so rows are tidied by their own end time, never by this
 * limiter's window.
 */
export class SqliteLoginLimiter implements LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly hash: (key: string) => string;
  private readonly countFailure;
  private readonly readAttempts;
  private readonly statements;
  /** When (caller's clock) the tables were last swept; they are swept at most once per window. */
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: SqliteDatabase,
    hashKey: string | Buffer,
    options: Partial<LoginLimits> = {},
  ) {
    this.limits = checkLimits(options);
    this.hash = keyHasher(hashKey);
    db.exec(`
      CREATE TABLE IF NOT EXISTS login_failures (
        key TEXT NOT NULL,
        at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS login_failures_by_key ON login_failures (key, at);
      CREATE INDEX IF NOT EXISTS login_failures_by_end ON login_failures (ends_at);
      CREATE TABLE IF NOT EXISTS login_lockouts (
        key TEXT PRIMARY KEY,
        locked_until INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS login_lockouts_by_end ON login_lockouts (locked_until);
    `);
    this.statements = {
      lockedUntil: db.prepare<[string], { locked_until: number }>('SELECT locked_until FROM login_lockouts WHERE key = ?'),
      recent: db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM login_failures WHERE key = ? AND at > ?'),
      forgetOld: db.prepare<[string, number]>('DELETE FROM login_failures WHERE key = ? AND at <= ?'),
      addFailure: db.prepare<[string, number, number]>('INSERT INTO login_failures (key, at, ends_at) VALUES (?, ?, ?)'),
      forgetFailures: db.prepare<[string]>('DELETE FROM login_failures WHERE key = ?'),
      lock: db.prepare<[string, number]>('INSERT INTO login_lockouts (key, locked_until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET locked_until = excluded.locked_until'),
      unlock: db.prepare<[string]>('DELETE FROM login_lockouts WHERE key = ?'),
      sweepFailures: db.prepare<[number]>('DELETE FROM login_failures WHERE ends_at <= ?'),
      sweepLockouts: db.prepare<[number]>('DELETE FROM login_lockouts WHERE locked_until <= ?'),
    };
    this.readAttempts = db.transaction((hashed: string, t: number) => ({
      lockedUntil: this.statements.lockedUntil.get(hashed)?.locked_until ?? 0,
      recent: this.statements.recent.get(hashed, t - this.limits.windowMs)?.n ?? 0,
    }));
    this.countFailure = db.transaction((hashed: string, t: number) => this.recordFailure(hashed, t));
  }

  async check(key: string, now: Date): Promise<LoginVerdict> {
    // One transaction: the lockout and the count are read at the same moment.
    const { lockedUntil, recent } = this.readAttempts(this.hash(key), now.getTime());
    return verdict(this.limits, now, lockedUntil, recent);
  }

  async fail(key: string, now: Date): Promise<void> {
    const t = now.getTime();
    // IMMEDIATE: two processes failing the same key at once both count, and only one locks it out.
    this.countFailure.immediate(this.hash(key), t);
    if (t - this.sweptAt >= this.limits.windowMs) this.sweep(t);
  }

  async succeed(key: string): Promise<void> {
    const hashed = this.hash(key);
    this.db.transaction(() => {
      this.statements.forgetFailures.run(hashed);
      this.statements.unlock.run(hashed);
    })();
  }

  private recordFailure(hashed: string, t: number): void {
    const { windowMs, lockoutMs, maxFailures } = this.limits;
    // A failure while locked out (a request that raced the lockout) neither counts nor extends it.
    if ((this.statements.lockedUntil.get(hashed)?.locked_until ?? 0) > t) return;
    this.statements.forgetOld.run(hashed, t - windowMs);
    this.statements.addFailure.run(hashed, t, t + windowMs);
    if ((this.statements.recent.get(hashed, t - windowMs)?.n ?? 0) < maxFailures) return;
    this.statements.forgetFailures.run(hashed);
    this.statements.lock.run(hashed, t + lockoutMs);
  }

  /** Drops failures and lockouts that no longer count for anything. */
  private sweep(t: number): void {
    this.sweptAt = t;
    this.db.transaction(() => {
      this.statements.sweepFailures.run(t);
      this.statements.sweepLockouts.run(t);
    })();
  }
}
