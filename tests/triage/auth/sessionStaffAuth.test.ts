import { SqliteAuditLog } from '../../../src/audit/sqliteAuditLog';
import { issueApiToken } from '../../../src/staff/apiTokenAdmin';
import { SqliteApiTokenStore } from '../../../src/staff/sqliteApiTokenStore';
import { SqliteLoginLimiter } from '../../../src/staff/sqliteLoginLimiter';
import { SqliteSessionStore } from '../../../src/staff/sqliteSessionStore';
import { SqliteStaffStore } from '../../../src/staff/sqliteStaffStore';
import { addStaffAccount, disableStaffAccount } from '../../../src/staff/staffAdmin';
import { openMemoryDatabase, type SqliteDatabase } from '../../../src/storage/sqliteDatabase';
import { SessionStaffAuth } from '../../../src/triage/auth/sessionStaffAuth';
import { StaffCookie } from '../../../src/triage/auth/staffCookie';

const KEY = 'a-test-hash-key-of-32-characters';

describe('staff sign-in', () => {
  let db: SqliteDatabase;
  let clock: Date;
  let waits: number[];
  let auth: SessionStaffAuth;
  let login: { id: string; password: string };
  let audit: SqliteAuditLog;
  let staff: SqliteStaffStore;
  let tokens: SqliteApiTokenStore;

  beforeEach(async () => {
    db = openMemoryDatabase();
    clock = new Date('2026-11-23T09:00:00Z');
    waits = [];
    staff = new SqliteStaffStore(db);
    tokens = new SqliteApiTokenStore(db);
    audit = new SqliteAuditLog(db);
    const made = await addStaffAccount({ staff, audit }, { agency: 'rotherham-mash', name: 'Rae Duty', role: 'duty' }, null, clock);
    login = { id: made.account.id, password: made.password };
    auth = new SessionStaffAuth({
      staff,
      sessions: new SqliteSessionStore(db, { idleMs: 30 * 60_000, absoluteMs: 10 * 3600_000 }),
      tokens,
      nameLimiter: new SqliteLoginLimiter(db, KEY),
      clientLimiter: new SqliteLoginLimiter(db, KEY, { maxFailures: 50 }),
      audit,
      cookie: new StaffCookie(true),
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });
  afterEach(() => db.close());

  const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;

  it('signs in with the right password and sets a Secure, HttpOnly, SameSite=Strict __Host- cookie', async () => {
    const result = await auth.signIn(login.id.toUpperCase(), login.password, 'client-1');
    if (!result.ok) throw new Error('expected sign-in');
    expect(result.cookie).toMatch(/^__Host-clearsight-staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const session = await auth.fromCookie(cookieOf(result.cookie));
    expect(session?.caller).toEqual({ staffId: login.id, agency: 'rotherham-mash', role: 'duty', name: 'Rae Duty' });
    expect(auth.csrfMatches(session!, session!.csrfToken)).toBe(true);
    expect(auth.csrfMatches(session!, 'x'.repeat(43))).toBe(false);
    expect(auth.csrfMatches(session!, undefined)).toBe(false);
  });

  it('slows each wrong password more, then locks the name out from that address for 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect(await auth.signIn(login.id, 'WRONG', 'client-1')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(waits).toEqual([0, 250, 500, 1000, 2000]);
    const locked = await auth.signIn(login.id, login.password, 'client-1');
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await auth.signIn(login.id, login.password, 'client-1')).ok).toBe(true);
  });

  it('does not let guesses from one address lock the real person out at another', async () => {
    for (let i = 0; i < 6; i++) await auth.signIn(login.id, 'WRONG', 'attacker');
    expect(await auth.signIn(login.id, login.password, 'attacker')).toMatchObject({ ok: false, reason: 'locked' });
    expect((await auth.signIn(login.id, login.password, 'office')).ok).toBe(true);
  });

  it('refuses any name from an address with 50 recent failures (an office shares one address, so more than five)', async () => {
    for (let i = 0; i < 50; i++) await auth.signIn(`someone-${i}`, 'WRONG', 'crowd');
    expect(await auth.signIn(login.id, login.password, 'crowd')).toMatchObject({ ok: false, reason: 'locked' });
    expect((await auth.signIn(login.id, login.password, 'elsewhere')).ok).toBe(true);
  });

  it('answers an unknown name exactly like a wrong password, and audits failures without the name typed', async () => {
    const unknown = await auth.signIn('nobody-zzzz', 'WRONG', 'client-1');
    const wrong = await auth.signIn(login.id, 'WRONG', 'client-1');
    expect(unknown).toEqual(wrong);
    const trail = await audit.recent(10);
    const failures = trail.filter((e) => e.action === 'sign-in-failed');
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain('nobody');
    expect(JSON.stringify(failures)).not.toContain(login.id);
  });

  it('ends a session on sign-out, after the idle timeout, after the absolute timeout, and when the account is disabled', async () => {
    const signIn = async () => {
      const r = await auth.signIn(login.id, login.password, 'c');
      if (!r.ok) throw new Error('sign-in failed');
      return cookieOf(r.cookie);
    };
    const out = await signIn();
    expect(await auth.signOut(out)).toMatch(/Max-Age=0/);
    expect(await auth.fromCookie(out)).toBeUndefined();

    const idle = await signIn();
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await auth.fromCookie(idle)).toBeUndefined();

    const busy = await signIn();
    for (let i = 0; i < 21; i++) {
      clock = new Date(clock.getTime() + 29 * 60_000); // never idle long, but over 10 hours in all
      if (i < 20) expect(await auth.fromCookie(busy)).toBeDefined();
    }
    expect(await auth.fromCookie(busy)).toBeUndefined();

    const live = await signIn();
    const issued = await issueApiToken({ staff, tokens, audit }, { staffId: login.id, label: '', days: 90 }, null, clock);
    const bearer = 'bearer' in issued ? `Bearer ${issued.bearer}` : '';
    expect(await auth.fromBearer(bearer, 'client-1')).toMatchObject({ staffId: login.id });
    await disableStaffAccount({ staff, audit, tokens }, login.id, null, clock);
    expect(await auth.fromCookie(live)).toBeUndefined();
    expect(await auth.fromBearer(bearer, 'client-1')).toBeUndefined();
  });
});
