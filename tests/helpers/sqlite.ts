import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';

/** Store tests' SQLite: a temporary directory for the file, and a fresh data directory for each store. */
export interface SqliteFixture {
  /** The data directory of the store opened last. */
  readonly dataDir: string;
  /** Opens the database in a fresh data directory (no other test shares it). */
  open(): SqliteDatabase;
  /** Another connection to the last data directory's database (a restart, or another process such as the CLI). */
  reopen(): SqliteDatabase;
  /** The permission bits of every file in the last data directory, by name. */
  modes(): Record<string, number>;
  /** Every file in the last data directory (the database, its WAL), as one buffer: for "never stored" checks. */
  bytes(): Buffer;
  /** Closes every connection opened since the last teardown. */
  teardown(): Promise<void>;
}

/** Registers beforeAll/afterAll for a temporary root directory (removed afterwards) and returns the fixture. */
export function useSqliteFixture(): SqliteFixture {
  let root = '';
  let dataDir = '';
  let open: SqliteDatabase[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'clearsight-sqlite-'));
  });
  afterAll(() => {
    for (const db of open) if (db.open) db.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  const track = (db: SqliteDatabase) => {
    open.push(db);
    return db;
  };
  return {
    get dataDir() {
      if (!dataDir) throw new Error('useSqliteFixture: no database opened yet');
      return dataDir;
    },
    open() {
      dataDir = join(mkdtempSync(join(root, 'store-')), 'data');
      return track(openDatabase(dataDir));
    },
    reopen() {
      return track(openDatabase(this.dataDir));
    },
    modes() {
      return Object.fromEntries(readdirSync(this.dataDir).map((name) => [name, statSync(join(this.dataDir, name)).mode & 0o777]));
    },
    bytes() {
      return Buffer.concat(readdirSync(this.dataDir).map((name) => readFileSync(join(this.dataDir, name))));
    },
    async teardown() {
      for (const db of open) if (db.open) db.close();
      open = [];
    },
  };
}
