import { SqliteLoginLimiter } from '../../src/staff/sqliteLoginLimiter';
import { DATABASE_FILE, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { useSqliteFixture } from '../helpers/sqlite';
import { at, describeLoginLimiterContract, HASH_KEY } from './loginLimiterContract';

const sqlite = useSqliteFixture();
let db: SqliteDatabase;

async function makeLimiter(): Promise<SqliteLoginLimiter> {
  db = sqlite.open();
  return new SqliteLoginLimiter(db, HASH_KEY);
}

const teardown = () => sqlite.teardown();

function rows(): { failures: number; lockouts: number } {
  const count = (table: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n;
  return { failures: count('login_failures') ?? -1, lockouts: count('login_lockouts') ?? -1 };
}

describeLoginLimiterContract('SqliteLoginLimiter', makeLimiter, teardown);

describe('SqliteLoginLimiter on disk', () => {
  let limiter: SqliteLoginLimiter;
  beforeEach(async () => {
    limiter = await makeLimiter();
  });
  afterEach(teardown);

  it('takes other limits', async () => {
    const strict = new SqliteLoginLimiter(db, HASH_KEY, { maxFailures: 2, lockoutMs: 60_000, delaysMs: [0, 100] });
    await strict.fail('k', at(0));
    expect(await strict.check('k', at(1))).toEqual({ allowed: true, retryAfterSeconds: 0, delayMs: 100 });
    await strict.fail('k', at(1));
    expect(await strict.check('k', at(2))).toEqual({ allowed: false, retryAfterSeconds: 59, delayMs: 0 });
  });

  it('refuses bad limits and a short hash key when it is built', () => {
    expect(() => new SqliteLoginLimiter(db, 'short')).toThrow(/at least 16 bytes/);
    expect(() => new SqliteLoginLimiter(db, HASH_KEY, { maxFailures: 0 })).toThrow(/maxFailures/);
    expect(() => new SqliteLoginLimiter(db, HASH_KEY, { delaysMs: [] })).toThrow(/delaysMs/);
  });

  it('keeps neither the sign-in name nor the address in the clear, in the tables or the files', async () => {
    for (let i = 0; i < 3; i++) await limiter.fail('jo-bloggs-7k2p', at(i));
    for (let i = 0; i < 5; i++) await limiter.fail('203.0.113.7', at(i));
    const stored = JSON.stringify([db.prepare('SELECT * FROM login_failures').all(), db.prepare('SELECT * FROM login_lockouts').all()]);
    expect(rows()).toEqual({ failures: 3, lockouts: 1 });
    const files = sqlite.bytes();
    for (const clear of ['jo-bloggs', '203.0.113']) {
      expect(stored).not.toContain(clear);
      expect(files.includes(clear)).toBe(false);
    }
    const keys = db.prepare<[], { key: string }>('SELECT key FROM login_failures UNION SELECT key FROM login_lockouts').all();
    for (const { key } of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a lockout across a restart, in a file of mode 0600, and shares it between limiters with the same hash key', async () => {
    for (let i = 0; i < 5; i++) await limiter.fail('jo-bloggs-7k2p', at(i));
    expect(sqlite.modes()[DATABASE_FILE]).toBe(0o600);
    await sqlite.teardown();
    const restarted = sqlite.reopen();
    expect((await new SqliteLoginLimiter(restarted, HASH_KEY).check('jo-bloggs-7k2p', at(5))).allowed).toBe(false);
    expect((await new SqliteLoginLimiter(restarted, 'another-hash-key-of-32-characters').check('jo-bloggs-7k2p', at(5))).allowed).toBe(true);
  });

  it('sweeps away failures and lockouts that no longer count, at most once a window', async () => {
    for (let i = 0; i < 5; i++) await limiter.fail('locked-out', at(i));
    await limiter.fail('one-failure', at(10));
    expect(rows()).toEqual({ failures: 1, lockouts: 1 });
    // Within the window of the last sweep (at the first failure): nothing swept yet.
    await limiter.fail('later', at(14 * 60));
    expect(rows()).toEqual({ failures: 2, lockouts: 1 });
    // A window on, the lockout (ended at 15 min) and the failure from 10 s are gone.
    await limiter.fail('later', at(16 * 60));
    expect(rows()).toEqual({ failures: 2, lockouts: 0 });
  });

  it('forgets on success', async () => {
    for (let i = 0; i < 5; i++) await limiter.fail('a-person', at(i));
    await limiter.succeed('a-person');
    expect(rows()).toEqual({ failures: 0, lockouts: 0 });
  });
});
