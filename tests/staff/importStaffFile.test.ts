import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importStaffFile } from '../../src/staff/importStaffFile';
import { SqliteStaffStore } from '../../src/staff/sqliteStaffStore';
import type { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { writeOldStaffFile } from '../helpers/oldFiles';
import { useSqliteFixture } from '../helpers/sqlite';
import { sampleAccount } from './staffStoreContract';

const sqlite = useSqliteFixture();
let db: SqliteDatabase;
const staffFile = () => join(sqlite.dataDir, 'staff.json');

beforeEach(() => {
  db = sqlite.open();
});
afterEach(() => sqlite.teardown());

describe('importStaffFile', () => {
  it('imports the accounts of a staff.json an earlier version wrote, once, leaving the file as it was', async () => {
    const amy = { account: sampleAccount({ id: 'amy-0001', role: 'admin' }), passwordHash: 'scrypt$a' };
    const bob = { account: sampleAccount({ id: 'bob-0002', agency: 'barnsley-front-door', disabledAt: '2025-03-02T10:00:00.000Z' }), passwordHash: 'scrypt$b' };
    await writeOldStaffFile(sqlite.dataDir, [amy, bob]);
    const before = await readFile(staffFile());

    expect(await importStaffFile(db, sqlite.dataDir)).toBe(2);
    const store = new SqliteStaffStore(db);
    expect(await store.list()).toEqual([bob.account, amy.account]);
    expect(await store.get('bob-0002')).toEqual(bob);

    expect(await importStaffFile(db, sqlite.dataDir)).toBe(0);
    expect(await store.list()).toHaveLength(2);
    expect(await readFile(staffFile())).toEqual(before);
  });

  it('adds only accounts not already in the database, keeping those that are as they are', async () => {
    const store = new SqliteStaffStore(db);
    await store.add(sampleAccount({ id: 'amy-0001', name: 'Amy As Stored' }), 'scrypt$kept');
    await store.disable('amy-0001', new Date('2025-03-03T10:00:00.000Z'));
    await writeOldStaffFile(sqlite.dataDir, [
      { account: sampleAccount({ id: 'amy-0001', name: 'Amy In The File' }), passwordHash: 'scrypt$file' },
      { account: sampleAccount({ id: 'cat-0003' }), passwordHash: 'scrypt$c' },
    ]);

    expect(await importStaffFile(db, sqlite.dataDir)).toBe(1);
    expect(await store.get('amy-0001')).toEqual({
      account: sampleAccount({ id: 'amy-0001', name: 'Amy As Stored', disabledAt: '2025-03-03T10:00:00.000Z' }),
      passwordHash: 'scrypt$kept',
    });
    expect((await store.list()).map((a) => a.id)).toEqual(['amy-0001', 'cat-0003']);
  });

  it('imports nothing, and says 0, when there is no staff.json', async () => {
    expect(await importStaffFile(db, sqlite.dataDir)).toBe(0);
    expect(await new SqliteStaffStore(db).list()).toEqual([]);
  });

  it('throws for a bad file, naming the file and not its content, and imports nothing', async () => {
    const good = { account: sampleAccount({ id: 'amy-0001' }), passwordHash: 'scrypt$a' };
    const bad = { account: { ...sampleAccount({ id: 'bob-0002' }), name: 'Zebra Secret', role: 'owner' }, passwordHash: 'scrypt$Zebra' };
    await writeFile(staffFile(), JSON.stringify({ staff: [good, bad] }));
    const failure = importStaffFile(db, sqlite.dataDir);
    await expect(failure).rejects.toThrow(`${staffFile()}: does not match the schema (staff.1.account.role)`);
    await expect(failure).rejects.not.toThrow(/Zebra|owner/);
    await writeFile(staffFile(), '{"staff":[{"account":"Zebra');
    await expect(importStaffFile(db, sqlite.dataDir)).rejects.toThrow(`${staffFile()}: not JSON`);
    expect(await new SqliteStaffStore(db).list()).toEqual([]);
  });
});
