import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { STAFF_ID, type StaffAccount } from './staffAccount';
import { syncDirectory } from '../storage/syncDirectory';
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

/** The file's name in DATA_DIR. */
export const STAFF_FILE = 'staff.json';
const fileSchema = z.strictObject({ staff: z.array(staffRecordSchema) });

/** Every record in a staff file ([] when there is no file); CorruptStaffError naming the file when it does not parse. */
export async function readStaffFile(file: string): Promise<StaffRecord[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return parseStored(raw, fileSchema, file).staff;
}

/**
 * Staff accounts in `{dataDir}/staff.json` (mode 0600, directory 0700), for running without Redis.
 * Read from disk on every call, because the operator CLI adds accounts while the service runs; each write
 * replaces the file atomically (temporary file, fsync, rename, fsync of the directory), so a reader sees
 * the old file or the new one. Writes in one process go one at a time; two processes writing at the same
 * moment could lose one change (accounts are added by hand, one operator at a time).
 */
export class FileStaffStore implements StaffStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async add(account: StaffAccount, passwordHash: string): Promise<void> {
    const record = validRecord(account, passwordHash);
    return this.serially(async () => {
      const records = await this.readAll();
      if (records.some((r) => r.account.id === record.account.id)) throw new StaffExistsError(`staff id already taken: ${record.account.id}`);
      await this.writeAll([...records, record]);
    });
  }

  async get(id: string): Promise<StaffRecord | undefined> {
    if (!STAFF_ID.test(id)) return undefined;
    return (await this.readAll()).find((r) => r.account.id === id);
  }

  async list(filter: { agency?: string } = {}): Promise<StaffAccount[]> {
    const accounts = (await this.readAll()).map((r) => r.account);
    return accounts.filter((a) => filter.agency === undefined || a.agency === filter.agency).sort(byAgencyThenId);
  }

  async disable(id: string, at: Date): Promise<StaffAccount | undefined> {
    return this.serially(async () => {
      const records = await this.readAll();
      const index = records.findIndex((r) => r.account.id === id);
      const record = records[index];
      if (!record) return undefined;
      const account = disabled(record.account, at);
      if (account === record.account) return account;
      records[index] = { ...record, account };
      await this.writeAll(records);
      return account;
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private readAll(): Promise<StaffRecord[]> {
    return readStaffFile(join(this.dataDir, STAFF_FILE));
  }

  private async writeAll(staff: StaffRecord[]): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const file = join(this.dataDir, STAFF_FILE);
    // Unique per writer, so that two processes never write into each other's temporary file.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const out = await open(temp, 'wx', 0o600);
    try {
      await out.writeFile(`${JSON.stringify({ staff }, null, 2)}\n`);
      await out.sync();
      await out.close();
      await rename(temp, file);
    } catch (err) {
      await out.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw err;
    }
    await syncDirectory(this.dataDir);
  }
}

