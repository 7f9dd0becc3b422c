import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { AuditEntry, AuditLog } from './auditEntry';
import { parseStoredAuditEntry, validAuditEntry } from './auditErrors';

/**
 * The audit trail in the embedded database: table `audit`, one row per entry in the order appended (`seq`),
 * the entry as JSON, and its ref indexed for a concern's history. Append-only: triggers refuse any UPDATE
 * or DELETE, whoever asks. Entries are checked by the schema on the way in and on the way out.
 */
export class SqliteAuditLog implements AuditLog {
  private readonly insert;
  private readonly selectForRef;
  private readonly selectRecent;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        ref TEXT,
        entry TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS audit_by_ref ON audit (ref, seq) WHERE ref IS NOT NULL;
      CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `);
    this.insert = db.prepare<[string | null, string]>('INSERT INTO audit (ref, entry) VALUES (?, ?)');
    this.selectForRef = db.prepare<[string], { seq: number; entry: string }>('SELECT seq, entry FROM audit WHERE ref = ? ORDER BY seq');
    this.selectRecent = db.prepare<[number], { seq: number; entry: string }>('SELECT seq, entry FROM audit ORDER BY seq DESC LIMIT ?');
  }

  async append(entry: AuditEntry): Promise<void> {
    this.appendAll([entry]);
  }

  async forRef(ref: string): Promise<AuditEntry[]> {
    return this.selectForRef.all(ref).map(parsed);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    if (!Number.isSafeInteger(limit) || limit <= 0) return [];
    return this.selectRecent.all(limit).map(parsed);
  }

  /**
   * Appends the entries in order, all or none (one transaction, or part of the caller's); every entry is
   * checked before anything is written. For the one-time import of audit.jsonl.
   */
  appendAll(entries: readonly AuditEntry[]): void {
    const valid = entries.map(validAuditEntry);
    this.db.transaction(() => {
      for (const e of valid) this.insert.run(e.ref, JSON.stringify(e));
    })();
  }
}

function parsed(row: { seq: number; entry: string }): AuditEntry {
  return parseStoredAuditEntry(row.entry, `audit table, seq ${row.seq}`);
}
