import { SqliteStaffStore } from '../../src/staff/sqliteStaffStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { DATABASE_FILE } from '../../src/storage/sqliteDatabase';
import { useSqliteFixture } from '../helpers/sqlite';
import { describeStaffStoreContract, sampleAccount } from './staffStoreContract';

const sqlite = useSqliteFixture();

async function makeStore(): Promise<SqliteStaffStore> {
  return new SqliteStaffStore(sqlite.open());
}

const teardown = () => sqlite.teardown();

describeStaffStoreContract('SqliteStaffStore', makeStore, teardown);

describe('SqliteStaffStore on disk', () => {
  let store: SqliteStaffStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps the database file, and the files SQLite makes beside it, at mode 0600', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    const modes = sqlite.modes();
    expect(Object.keys(modes)).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]));
    for (const mode of Object.values(modes)) expect(mode).toBe(0o600);
  });

  it('keeps accounts across a restart', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    await store.disable(sampleAccount().id, new Date('2025-03-02T10:00:00.000Z'));
    await sqlite.teardown();
    const restarted = new SqliteStaffStore(sqlite.reopen());
    expect(await restarted.get(sampleAccount().id)).toEqual({ account: sampleAccount({ disabledAt: '2025-03-02T10:00:00.000Z' }), passwordHash: 'scrypt$x' });
  });

  it('sees at once an account another connection (the CLI) added, and refuses that id here', async () => {
    await store.add(sampleAccount({ id: 'first-0001' }), 'scrypt$x');
    await new SqliteStaffStore(sqlite.reopen()).add(sampleAccount({ id: 'second-0002' }), 'scrypt$y');
    expect((await store.get('second-0002'))?.passwordHash).toBe('scrypt$y');
    expect((await store.list()).map((a) => a.id)).toEqual(['first-0001', 'second-0002']);
    await expect(store.add(sampleAccount({ id: 'second-0002' }), 'scrypt$z')).rejects.toThrow('staff id already taken: second-0002');
  });

  it('adds only the missing accounts of a batch, saying how many', async () => {
    await store.add(sampleAccount({ id: 'first-0001', name: 'Kept' }), 'scrypt$x');
    const batch = [
      { account: sampleAccount({ id: 'first-0001', name: 'Other' }), passwordHash: 'scrypt$other' },
      { account: sampleAccount({ id: 'second-0002' }), passwordHash: 'scrypt$y' },
    ];
    expect(store.addMissing(batch)).toBe(1);
    expect(store.addMissing(batch)).toBe(0);
    expect((await store.get('first-0001'))?.account.name).toBe('Kept');
    expect(() => store.addMissing([{ account: sampleAccount({ id: 'Bad Id' }), passwordHash: 'x' }])).toThrow(/account\.id/);
  });

  it('throws CorruptStaffError naming the row, not the content, for a record that does not parse', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    const db = sqlite.reopen();
    db.prepare('UPDATE staff SET record = ? WHERE id = ?').run(JSON.stringify({ account: { id: 'jo-bloggs-7k2p', secret: 'Zebra' }, passwordHash: 'x' }), 'jo-bloggs-7k2p');
    await expect(store.get('jo-bloggs-7k2p')).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(store.list()).rejects.toThrow(/^staff table, id jo-bloggs-7k2p: does not match the schema \(account\.agency; .*\)$/);
    await expect(store.list()).rejects.not.toThrow(/Zebra/);
  });
});
