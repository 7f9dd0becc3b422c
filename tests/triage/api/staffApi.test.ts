import { verifyPassword } from '../../../src/staff/passwords';
import { RedisStaffStore } from '../../../src/staff/redisStaffStore';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';

describe('admins manage their own agency\u2019s staff accounts over the API', () => {
  let t: TriageTestApp;
  let admin: StaffLogin;
  let duty: StaffLogin;
  let otherAdmin: StaffLogin;
  beforeAll(async () => {
    t = await startTriageApp();
    admin = await t.addStaff('rotherham-mash', 'admin', 'Ada Admin');
    duty = await t.addStaff('rotherham-mash', 'duty', 'Dev Duty');
    otherAdmin = await t.addStaff('doncaster-front-door', 'admin', 'Oz Other');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses duty workers and managers with 403', async () => {
    const manager = await t.addStaff('rotherham-mash', 'manager');
    for (const login of [duty, manager]) {
      expect((await t.api(login, '/api/triage/staff')).status).toBe(403);
      expect((await t.api(login, '/api/triage/staff', { method: 'POST', body: { name: 'New Person' } })).status).toBe(403);
    }
  });

  it('lists only the admin\u2019s agency, never a hash', async () => {
    const res = await t.api(admin, '/api/triage/staff');
    const body = (await res.json()) as { staff: Array<{ id: string; agency: string }> };
    expect(body.staff.map((s) => s.agency).every((a) => a === 'rotherham-mash')).toBe(true);
    expect(body.staff.map((s) => s.id)).toEqual(expect.arrayContaining([admin.id, duty.id]));
    expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('creates an account in the admin\u2019s own agency and shows its password once; only the hash is stored', async () => {
    const res = await t.api(admin, '/api/triage/staff', { method: 'POST', body: { name: 'Nia New', role: 'manager' } });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { account: { id: string; agency: string; role: string }; password: string; token?: string };
    expect(made.account).toMatchObject({ agency: 'rotherham-mash', role: 'manager' });
    const record = await new RedisStaffStore(t.redis, t.prefix).get(made.account.id);
    expect(record?.passwordHash).not.toContain(made.password);
    expect(await verifyPassword(made.password, record!.passwordHash)).toBe(true);
    // The password is for the console only: no token in the answer, and the password does not open the API.
    expect(made.token).toBeUndefined();
    const login = { id: made.account.id, password: made.password, token: `${made.account.id}.${made.password}` };
    expect((await t.api(login, '/api/triage/concerns')).status).toBe(401);
    expect((await t.api({ ...login, token: (await t.issueToken(made.account.id)).token }, '/api/triage/concerns')).status).toBe(200);
    expect((await t.api(admin, '/api/triage/staff', { method: 'POST', body: { name: 'X', agency: 'south-yorkshire-police' } })).status).toBe(400);
    const trail = await t.audit.recent(50);
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'staff-add', staffId: admin.id, agency: 'rotherham-mash', detail: { account: made.account.id, role: 'manager' } }),
    );
  });

  it('disables an account of the agency (it stops working at once) and answers 404 for another agency\u2019s', async () => {
    const leaver = await t.addStaff('rotherham-mash', 'duty', 'Lou Leaver');
    expect((await t.api(otherAdmin, `/api/triage/staff/${leaver.id}/disable`, { method: 'POST' })).status).toBe(404);
    expect((await t.api(leaver, '/api/triage/concerns')).status).toBe(200);
    const res = await t.api(admin, `/api/triage/staff/${leaver.id}/disable`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { account: { disabledAt: string | null } }).account.disabledAt).not.toBeNull();
    expect((await t.api(leaver, '/api/triage/concerns')).status).toBe(401);
    expect((await t.tokens.listFor(leaver.id)).map((token) => token.revokedAt)).toEqual([expect.stringMatching(/^\d{4}-/)]);
  });
});
