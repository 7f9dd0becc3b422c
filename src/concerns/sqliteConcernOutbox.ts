import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Concern } from './concern';
import type { ConcernOutbox, OutboxEntry } from './concernOutbox';
import { CorruptConcernError, parseStoredConcern } from './concernStoreErrors';

/** The outbox's own file in DATA_DIR: apart from Redis, which is what is down when it is written. */
export const OUTBOX_FILE = 'concern-outbox.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  submission_id TEXT PRIMARY KEY,
  kept_ms INTEGER NOT NULL,
  doc TEXT NOT NULL
);`;

/**
 * The outbox as a small SQLite file (mode 0600): synchronous=FULL, so put() resolves once the entry is on
 * disk; a rollback journal deleted after each commit and secure_delete, so a delivered entry's words do not
 * linger in the file. Two processes on one DATA_DIR may share it (SQLite locks; the store is idempotent).
 */
export class SqliteConcernOutbox implements ConcernOutbox {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, OUTBOX_FILE);
    // Created 0600 before SQLite opens it; SQLite gives its journal the same mode.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async put(concern: Concern, at: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO outbox (submission_id, kept_ms, doc) VALUES (?, ?, ?)
         ON CONFLICT (submission_id) DO UPDATE SET doc = excluded.doc`,
      )
      .run(concern.submissionId, at.getTime(), JSON.stringify(concern));
  }

  async entries(): Promise<{ entries: OutboxEntry[]; unreadable: number }> {
    const rows = this.db.prepare<[], { submission_id: string; kept_ms: number; doc: string }>('SELECT submission_id, kept_ms, doc FROM outbox ORDER BY kept_ms').all();
    const entries: OutboxEntry[] = [];
    let unreadable = 0;
    for (const row of rows) {
      try {
        entries.push({ concern: parseStoredConcern(row.doc, 'outbox entry'), keptAt: new Date(row.kept_ms) });
      } catch (err) {
        if (!(err instanceof CorruptConcernError)) throw err;
        unreadable += 1;
      }
    }
    return { entries, unreadable };
  }

  async remove(submissionId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM outbox WHERE submission_id = ?').run(submissionId).changes > 0;
  }

  async expireBefore(cutoff: Date): Promise<number> {
    return this.db.prepare('DELETE FROM outbox WHERE kept_ms < ?').run(cutoff.getTime()).changes;
  }

  async count(): Promise<number> {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()?.n ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
