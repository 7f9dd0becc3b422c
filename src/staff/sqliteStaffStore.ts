import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { STAFF_ID, type StaffAccount } from './staffAccount';
import {
  byAgencyThenId,
  disabled,
  parseStored,
  StaffExistsError,
  staffRecordSchema,
  validRecord,
  type StaffRecord,
  type StaffStore,
} from './staffStore';

/**
 * Staff accounts in the embedded database: table `staff`, one row per account, the record as JSON (parsed
 * by the schema whenever it is read back). Every call reads the database afresh, so an account the operator
 * CLI adds through its own connection is seen at once; SQLite's locking keeps two processes' writes apart.
 */
export class SqliteStaffStore implements StaffStore {
  private readonly insert;
  private readonly selectOne;
  private readonly selectAll;
  private readonly update;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS staff (
        id TEXT PRIMARY KEY,
        agency TEXT NOT NULL,
        record TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS staff_by_agency ON staff (agency, id);
    `);
    this.insert = db.prepare<[string, string, string]>('INSERT INTO staff (id, agency, record) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
    this.selectOne = db.prepare<[string], { record: string }>('SELECT record FROM staff WHERE id = ?');
    this.selectAll = db.prepare<[], { id: string; record: string }>('SELECT id, record FROM staff');
    this.update = db.prepare<[string, string]>('UPDATE staff SET record = ? WHERE id = ?');
  }

  async add(account: StaffAccount, passwordHash: string): Promise<void> {
    const record = validRecord(account, passwordHash);
    if (!this.insertRecord(record)) throw new StaffExistsError(`staff id already taken: ${record.account.id}`);
  }

  async get(id: string): Promise<StaffRecord | undefined> {
    return this.read(id);
  }

  async list(filter: { agency?: string } = {}): Promise<StaffAccount[]> {
    const accounts = this.selectAll.all().map((row) => parseStored(row.record, staffRecordSchema, where(row.id)).account);
    // Sorted here rather than in SQL, so that the order is the one every store shares.
    return accounts.filter((a) => filter.agency === undefined || a.agency === filter.agency).sort(byAgencyThenId);
  }

  async disable(id: string, at: Date): Promise<StaffAccount | undefined> {
    // IMMEDIATE: the write lock is taken before the read, so another process cannot change the row in between.
    return this.db
      .transaction(() => {
        const record = this.read(id);
        if (!record) return undefined;
        const account = disabled(record.account, at);
        if (account !== record.account) this.update.run(JSON.stringify({ ...record, account }), id);
        return account;
      })
      .immediate();
  }

  /**
   * Adds each record whose id is not yet taken, in one transaction, and says how many were added
   * (for the one-time import of staff.json). Records are checked by the schema first.
   */
  addMissing(records: readonly StaffRecord[]): number {
    const valid = records.map((r) => validRecord(r.account, r.passwordHash));
    return this.db.transaction(() => valid.filter((r) => this.insertRecord(r)).length).immediate();
  }

  private insertRecord(record: StaffRecord): boolean {
    return this.insert.run(record.account.id, record.account.agency, JSON.stringify(record)).changes === 1;
  }

  private read(id: string): StaffRecord | undefined {
    // A typed sign-in name reaches here: anything that is not an id is no account.
    if (!STAFF_ID.test(id)) return undefined;
    const row = this.selectOne.get(id);
    return row ? parseStored(row.record, staffRecordSchema, where(id)) : undefined;
  }
}

/** Where a stored record is, for an error message (the id, never the content). */
function where(id: string): string {
  return `staff table, id ${id}`;
}
