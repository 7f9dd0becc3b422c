import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** The embedded default's one database file, in DATA_DIR. */
export const DATABASE_FILE = 'clearsight.db';

export interface OpenDatabaseOptions {
  /** For a reader beside the running service (the operator CLI's list): nothing is created or written. */
  readOnly?: boolean;
}

/**
 * Opens (creating, mode 0600 in a 0700 directory) the embedded database: WAL, so that the CLI can read
 * while the service writes, and synchronous=FULL, so that a commit has reached the disk before any
 * caller is told "stored". Every store creates its own tables in it (CREATE … IF NOT EXISTS).
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const file = join(dataDir, DATABASE_FILE);
  if (options.readOnly) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Created 0600 before SQLite opens it, so there is no moment when it is readable by others.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI adding staff) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  return db;
}

/** An in-memory database with the same settings, for tests that need no file. */
export function openMemoryDatabase(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}
