import { DATABASE_FILE, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { useSqliteFixture } from '../helpers/sqlite';
import { describeStorageContract } from './storageContract';

const TTL_MS = 60_000;
const sqlite = useSqliteFixture();
let db: SqliteDatabase;
let now = 0;

function makeStorage(): SqliteStorage {
  db = sqlite.open();
  now = 1_000;
  return new SqliteStorage(db, TTL_MS, () => now);
}

const teardown = () => sqlite.teardown();

function keys(): string[] {
  return db.prepare<[], { key: string }>('SELECT key FROM conversation_state ORDER BY key').all().map((r) => r.key);
}

describeStorageContract(
  'SqliteStorage',
  async () => ({
    storage: makeStorage(),
    expire: async () => {
      now += TTL_MS + 1;
    },
  }),
  teardown,
);

describe('SqliteStorage specifics', () => {
  let storage: SqliteStorage;
  beforeEach(() => {
    storage = makeStorage();
  });
  afterEach(teardown);

  it('refuses a TTL that cannot work when it is built', () => {
    expect(() => new SqliteStorage(db, 0)).toThrow(/TTL/);
  });

  it('keeps conversation state across a restart (a half-written report survives), in a file of mode 0600', async () => {
    await storage.write({ 'webchat/conversations/c1': { draft: { worry: 'half written' } } });
    const { eTag } = (await storage.read(['webchat/conversations/c1']))['webchat/conversations/c1'] as { eTag: string };
    expect(sqlite.modes()[DATABASE_FILE]).toBe(0o600);
    await sqlite.teardown();
    const restarted = new SqliteStorage(sqlite.reopen(), TTL_MS, () => now);
    expect((await restarted.read(['webchat/conversations/c1']))['webchat/conversations/c1']).toEqual({ draft: { worry: 'half written' }, eTag });
  });

  it('restarts the TTL on every write, so an active conversation is kept', async () => {
    await storage.write({ a: { n: 1 } });
    now += TTL_MS - 100;
    await storage.write({ a: { n: 2, eTag: '*' } });
    now += 200;
    expect((await storage.read(['a'])).a).toMatchObject({ n: 2 });
  });

  it('deletes an expired item when it is read, and sweeps the others on a later write', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
    now += TTL_MS;
    expect(await storage.read(['a'])).toEqual({});
    expect(keys()).toEqual(['b', 'c']);
    await storage.write({ d: { n: 4 } });
    expect(keys()).toEqual(['d']);
  });

  it('writes the items of one call all or none: a stale eTag on one and the other is not written either', async () => {
    await storage.write({ a: { n: 1 } });
    const { eTag } = (await storage.read(['a'])).a as { eTag: string };
    await storage.write({ a: { n: 2, eTag } });
    await expect(storage.write({ b: { n: 1 }, a: { n: 3, eTag } })).rejects.toThrow(/eTag/);
    expect(await storage.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ n: 2 }) });
  });

  it("is called 'sqlite', reports ready while the database answers, and not ready (without throwing) once it is closed", async () => {
    expect(storage.name).toBe('sqlite');
    expect(await storage.isReady()).toBe(true);
    db.close();
    expect(await storage.isReady()).toBe(false);
  });
});
