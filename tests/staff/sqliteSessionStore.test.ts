import { tokenHash } from '../../src/staff/sessionStore';
import { SqliteSessionStore } from '../../src/staff/sqliteSessionStore';
import { DATABASE_FILE, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { useSqliteFixture } from '../helpers/sqlite';
import { at, describeSessionStoreContract, TIMEOUTS } from './sessionStoreContract';

const sqlite = useSqliteFixture();
let db: SqliteDatabase;

async function makeStore(timeouts = TIMEOUTS): Promise<SqliteSessionStore> {
  db = sqlite.open();
  return new SqliteSessionStore(db, timeouts);
}

const teardown = () => sqlite.teardown();

/** Every row of the sessions table, as one text. */
function dump(): string {
  return JSON.stringify(db.prepare('SELECT * FROM sessions').all());
}

function hashes(): string[] {
  return db.prepare<[], { hash: string }>('SELECT hash FROM sessions ORDER BY hash').all().map((r) => r.hash);
}

describeSessionStoreContract('SqliteSessionStore', () => makeStore(), teardown);

describe('SqliteSessionStore on disk', () => {
  let store: SqliteSessionStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('refuses timeouts that cannot work when it is built', () => {
    expect(() => new SqliteSessionStore(db, { idleMs: 0, absoluteMs: 1000 })).toThrow(/idle timeout/);
    expect(() => new SqliteSessionStore(db, { idleMs: 60_000, absoluteMs: 1000 })).toThrow(/absolute timeout/);
  });

  it('never stores the token: only its SHA-256', async () => {
    const { token, session } = await store.create('a-person', at(0));
    await store.get(token, at(1));
    expect(dump()).not.toContain(token);
    // The hash is found in the files, so the check would find the token were it there.
    expect(sqlite.bytes().includes(tokenHash(token))).toBe(true);
    expect(sqlite.bytes().includes(token)).toBe(false);
    expect(hashes()).toEqual([tokenHash(token)]);
    // The CSRF token is stored (the console checks it), but is no key to the session.
    expect(await store.get(session.csrfToken, at(1))).toBeUndefined();
  });

  it('keeps sessions across a restart, in a file of mode 0600', async () => {
    const { token, session } = await store.create('a-person', at(0));
    expect(sqlite.modes()[DATABASE_FILE]).toBe(0o600);
    await sqlite.teardown();
    const restarted = new SqliteSessionStore(sqlite.reopen(), TIMEOUTS);
    expect(await restarted.get(token, at(5))).toEqual({ ...session, lastSeenAt: at(5).toISOString() });
  });

  it('deletes a session found over when it is read', async () => {
    const { token } = await store.create('a-person', at(0));
    expect(await store.get(token, at(31))).toBeUndefined();
    expect(hashes()).toEqual([]);
  });

  it('sweeps away sessions that ended unread when a new one is made', async () => {
    const idle = await store.create('a-person', at(0));
    const busy = await store.create('b-person', at(0));
    await store.get(busy.token, at(20));
    const fresh = await store.create('c-person', at(31));
    expect(hashes()).toEqual([busy.token, fresh.token].map(tokenHash).sort());
    expect(await store.get(idle.token, at(1))).toBeUndefined();
  });

  it('records when each session ends: the idle time from the last use, never past the absolute limit', async () => {
    const limited = new SqliteSessionStore(db, { idleMs: 60_000, absoluteMs: 90_000 });
    const { token } = await limited.create('a-person', at(0));
    const endsAt = () => db.prepare<[string], { ends_at: number }>('SELECT ends_at FROM sessions WHERE hash = ?').get(tokenHash(token))?.ends_at;
    expect(endsAt()).toBe(at(0).getTime() + 60_000);
    await limited.get(token, new Date(at(0).getTime() + 50_000));
    expect(endsAt()).toBe(at(0).getTime() + 90_000);
  });
});
