import { SqliteApiTokenStore } from '../../src/staff/sqliteApiTokenStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { useSqliteFixture } from '../helpers/sqlite';
import { describeApiTokenStoreContract, sampleRecord } from './apiTokenStoreContract';

const sqlite = useSqliteFixture();

async function makeStore(): Promise<SqliteApiTokenStore> {
  return new SqliteApiTokenStore(sqlite.open());
}

const teardown = () => sqlite.teardown();

describeApiTokenStoreContract('SqliteApiTokenStore', makeStore, teardown);

describe('SqliteApiTokenStore on disk', () => {
  let store: SqliteApiTokenStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps tokens across a restart, and sees at once a revocation made through another connection (the CLI)', async () => {
    await store.add(sampleRecord());
    await store.markUsed('k7pm3xq9rt4w', '2025-03-04');
    await new SqliteApiTokenStore(sqlite.reopen()).revoke('k7pm3xq9rt4w', new Date('2025-03-05T00:00:00.000Z'));
    expect((await store.get('k7pm3xq9rt4w'))?.token.revokedAt).toBe('2025-03-05T00:00:00.000Z');
    await sqlite.teardown();
    const restarted = new SqliteApiTokenStore(sqlite.reopen());
    expect(await restarted.get('k7pm3xq9rt4w')).toEqual(sampleRecord({ lastUsedDay: '2025-03-04', revokedAt: '2025-03-05T00:00:00.000Z' }));
  });

  it('never holds the secret, only its hash', async () => {
    await store.add(sampleRecord());
    await sqlite.teardown();
    expect(sqlite.bytes().includes('the-secret')).toBe(false);
  });

  it('throws CorruptStaffError naming the row, not the content, for a row that does not parse', async () => {
    await store.add(sampleRecord());
    sqlite.reopen().prepare('UPDATE api_tokens SET expires_at = ? WHERE id = ?').run('Zebra', 'k7pm3xq9rt4w');
    await expect(store.get('k7pm3xq9rt4w')).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(store.listFor('jo-bloggs-7k2p')).rejects.toThrow(/^api_tokens table, id k7pm3xq9rt4w: does not match the schema \(token\.expiresAt\)$/);
  });
});
