import type { SqliteDatabase } from './sqliteDatabase';

/** One import of an old data file into the embedded database. */
export interface FileImport {
  /** The file's name in DATA_DIR (`audit.jsonl`). */
  name: string;
  /** SHA-256 (hex) of the file's first `bytes` bytes: what was imported. */
  sha256: string;
  bytes: number;
  /** How many records that import added. */
  records: number;
}

/**
 * Table `imports`: which old files (by name and the hash of the content read) have been imported, so that
 * start-up imports each only once. Meant to be written in the same transaction as the records imported.
 */
export class FileImports {
  private readonly selectLast;
  private readonly insert;

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS imports (
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        records INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (name, sha256)
      ) STRICT;
    `);
    this.selectLast = db.prepare<[string], FileImport>('SELECT name, sha256, bytes, records FROM imports WHERE name = ? ORDER BY bytes DESC LIMIT 1');
    this.insert = db.prepare<[string, string, number, number, string]>('INSERT INTO imports (name, sha256, bytes, records, imported_at) VALUES (?, ?, ?, ?, ?)');
  }

  /** The import of `name` that covered the most of the file, if any. */
  last(name: string): FileImport | undefined {
    return this.selectLast.get(name);
  }

  record(done: FileImport, at: Date): void {
    this.insert.run(done.name, done.sha256, done.bytes, done.records, at.toISOString());
  }
}
