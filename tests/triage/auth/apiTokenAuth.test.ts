import { SqliteAuditLog } from '../../../src/audit/sqliteAuditLog';
import { issueApiToken, revokeApiToken } from '../../../src/staff/apiTokenAdmin';
import { SqliteApiTokenStore } from '../../../src/staff/sqliteApiTokenStore';
import { SqliteLoginLimiter } from '../../../src/staff/sqliteLoginLimiter';
import { SqliteSessionStore } from '../../../src/staff/sqliteSessionStore';
import { SqliteStaffStore } from '../../../src/staff/sqliteStaffStore';
import { addStaffAccount } from '../../../src/staff/staffAdmin';
import { openMemoryDatabase, type SqliteDatabase } from '../../../src/storage/sqliteDatabase';
import { SessionStaffAuth } from '../../../src/triage/auth/sessionStaffAuth';
import { StaffCookie } from '../../../src/triage/auth/staffCookie';

const KEY = 'a-test-hash-key-of-32-characters';

describe('Bearer API tokens (SessionStaffAuth.fromBearer)', () => {
  let db: SqliteDatabase;
  let clock: Date;
  let waits: number[];
  let auth: SessionStaffAuth;
  let audit: SqliteAuditLog;
  let staff: SqliteStaffStore;
  let tokens: SqliteApiTokenStore;
  let login: { id: string; password: string };

  beforeEach(async () => {
    db = openMemoryDatabase();
    clock = new Date('2026-11-23T09:00:00Z');
    waits = [];
    staff = new SqliteStaffStore(db);
    audit = new SqliteAuditLog(db);
    tokens = new SqliteApiTokenStore(db);
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

  async function issue(days = 90): Promise<{ id: string; bearer: string }> {
    const issued = await issueApiToken({ staff, tokens, audit }, { staffId: login.id, label: 'case system', days }, null, clock);
    if ('refused' in issued) throw new Error(issued.refused);
    return { id: issued.token.id, bearer: issued.bearer };
  }
  const failures = async () => (await audit.recent(500)).filter((e) => e.action === 'sign-in-failed');

  it('accepts a fresh token as its account, and records the day it was used (once a day)', async () => {
    const { id, bearer } = await issue();
    expect(bearer).toMatch(/^cs_[0-9a-hjkmnp-tv-z]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'script')).toEqual({ staffId: login.id, agency: 'rotherham-mash', role: 'duty', name: 'Rae Duty' });
    expect(await auth.fromBearer(`bearer  ${bearer} `, 'script')).toMatchObject({ staffId: login.id });
    expect((await tokens.get(id))?.token.lastUsedDay).toBe('2026-11-23');
    clock = new Date('2026-11-24T08:00:00Z');
    await auth.fromBearer(`Bearer ${bearer}`, 'script');
    expect((await tokens.get(id))?.token.lastUsedDay).toBe('2026-11-24');
    expect(await failures()).toEqual([]);
  });

  it('never takes the console password, in the old "<name>.<password>" form or any other, and audits each as malformed', async () => {
    for (const header of [`Bearer ${login.id}.${login.password}`, `Bearer ${login.password}`, `Basic ${login.id}.${login.password}`, 'Bearer', '']) {
      expect(await auth.fromBearer(header, 'client-1')).toBeUndefined();
    }
    expect((await failures()).map((e) => e.detail)).toEqual(Array(5).fill({ via: 'bearer', reason: 'malformed' }));
    expect(JSON.stringify(await audit.recent(500))).not.toContain(login.password);
  });

  it('refuses an unknown id, a wrong secret, a revoked token, an expired one and one of a disabled account, auditing why', async () => {
    const { id, bearer } = await issue(1);
    const wrongSecret = `${bearer.slice(0, -1)}${bearer.endsWith('A') ? 'B' : 'A'}`;
    const unknownId = `cs_${'0'.repeat(12)}${bearer.slice(15)}`;
    expect(await auth.fromBearer(`Bearer ${unknownId}`, 'a')).toBeUndefined();
    expect(await auth.fromBearer(`Bearer ${wrongSecret}`, 'b')).toBeUndefined();

    clock = new Date(clock.getTime() + 86_400_000);
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'c')).toBeUndefined();

    const live = await issue();
    await staff.disable(login.id, clock); // the account alone, as if its tokens had not been revoked with it
    expect(await auth.fromBearer(`Bearer ${live.bearer}`, 'd')).toBeUndefined();

    expect((await failures()).map((e) => e.detail).reverse()).toEqual([
      { via: 'bearer', reason: 'unknown' },
      { via: 'bearer', reason: 'wrong', token: id },
      { via: 'bearer', reason: 'expired', token: id },
      { via: 'bearer', reason: 'disabled', token: live.id },
    ]);
    expect(JSON.stringify(await audit.recent(500))).not.toContain(bearer.slice(16));
  });

  it('stops a token at once when it is revoked, and audits the revocation with its id only', async () => {
    const { id, bearer } = await issue();
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'script')).toBeDefined();
    expect(await revokeApiToken({ staff, tokens, audit }, id, null, clock)).toMatchObject({ already: false, token: { id, revokedAt: clock.toISOString() } });
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'script')).toBeUndefined();
    expect((await failures())[0]?.detail).toEqual({ via: 'bearer', reason: 'revoked', token: id });
    const trail = (await audit.recent(10)).filter((e) => e.action.startsWith('token-'));
    expect(trail.map((e) => [e.action, e.agency, e.detail])).toEqual([
      ['token-revoked', 'rotherham-mash', { account: login.id, token: id }],
      ['token-issued', 'rotherham-mash', { account: login.id, token: id, expiresAt: '2027-02-21T09:00:00.000Z' }],
    ]);
  });

  it('slows wrong secrets for a token from one address, then locks that token there, leaving other addresses alone', async () => {
    const { bearer } = await issue();
    const wrong = (i: number) => `${bearer.slice(0, -2)}${'XY'[i % 2]}${i}`;
    for (let i = 0; i < 5; i++) expect(await auth.fromBearer(`Bearer ${wrong(i)}`, 'attacker')).toBeUndefined();
    expect(waits).toEqual([0, 250, 500, 1000, 2000]);
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'attacker')).toBeUndefined();
    expect(await failures()).toHaveLength(5); // refused at the gate: not checked, not counted again
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'office')).toMatchObject({ staffId: login.id });
    // A console sign-in of the same person from the attacker's address is slowed by the address's count, not locked.
    expect((await auth.signIn(login.id, login.password, 'attacker')).ok).toBe(true);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'attacker')).toMatchObject({ staffId: login.id });
  });

  it('counts malformed headers against the address, so passwords sprayed as Bearer lock the address out', async () => {
    for (let i = 0; i < 50; i++) await auth.fromBearer(`Bearer someone-${i}.PASSWORD-${i}`, 'sprayer');
    expect(await auth.signIn(login.id, login.password, 'sprayer')).toMatchObject({ ok: false, reason: 'locked' });
    const { bearer } = await issue();
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'sprayer')).toBeUndefined();
    expect(await auth.fromBearer(`Bearer ${bearer}`, 'elsewhere')).toBeDefined();
  });

  it('does not count a genuine but expired token against the address (an integration still polling cannot lock the office out)', async () => {
    const { bearer } = await issue(1);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    for (let i = 0; i < 60; i++) await auth.fromBearer(`Bearer ${bearer}`, 'office');
    expect(await failures()).toHaveLength(5); // then locked for that token at that address: no more audit entries
    expect((await auth.signIn(login.id, login.password, 'office')).ok).toBe(true);
  });
});
