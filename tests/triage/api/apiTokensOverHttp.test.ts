import { RedisStaffStore } from '../../../src/staff/redisStaffStore';
import { revokeApiToken } from '../../../src/staff/apiTokenAdmin';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';

const DAY = 86_400_000;

describe('API tokens on the real server and real Redis', () => {
  let t: TriageTestApp;
  let duty: StaffLogin;

  beforeAll(async () => {
    t = await startTriageApp();
    duty = await t.addStaff('barnsley-front-door', 'duty', 'Dana Duty');
  });
  afterAll(async () => {
    await t.stop();
  });

  const queue = (authorization: string) => fetch(`${t.url}/api/triage/concerns`, { headers: { authorization } });
  const refusal = async (res: Response) => ({ status: res.status, body: await res.text(), challenge: res.headers.get('www-authenticate') });
  const bearerFailures = async () => (await t.audit.recent(1000)).filter((e) => e.action === 'sign-in-failed' && e.detail.via === 'bearer');

  it('opens the queue with a fresh token, and records the day it was used', async () => {
    const res = await queue(`Bearer ${duty.token}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { concerns: unknown[] }).concerns)).toBe(true);
    const id = duty.token.slice(3, 15);
    expect((await t.tokens.get(id))?.token.lastUsedDay).toBe(new Date().toISOString().slice(0, 10));
  });

  it('answers a revoked token, an expired one, a password, a malformed header and a disabled account\u2019s token with the same 401, and audits each', async () => {
    const before = (await bearerFailures()).length;
    const revoked = await t.issueToken(duty.id);
    expect((await queue(`Bearer ${revoked.token}`)).status).toBe(200);
    await revokeApiToken({ staff: new RedisStaffStore(t.redis, t.prefix), tokens: t.tokens, audit: t.audit }, revoked.id, null, new Date());
    // Issued 31 days ago for 30 days: the clock has run past it.
    const expired = await t.issueToken(duty.id, { days: 30, at: new Date(Date.now() - 31 * DAY) });
    const leaver = await t.addStaff('barnsley-front-door', 'duty', 'Lee Leaver');
    expect((await queue(`Bearer ${leaver.token}`)).status).toBe(200);
    // The account alone, as if its tokens had not been revoked with it: the token must still be refused.
    await new RedisStaffStore(t.redis, t.prefix).disable(leaver.id, new Date());

    const cases = {
      revoked: `Bearer ${revoked.token}`,
      expired: `Bearer ${expired.token}`,
      password: `Bearer ${duty.id}.${duty.password}`,
      bare: `Bearer ${duty.password}`,
      malformed: 'Bearer cs_not-a-token',
      disabled: `Bearer ${leaver.token}`,
    };
    const answers = await Promise.all(Object.values(cases).map(async (header) => refusal(await queue(header))));
    const none = await refusal(await fetch(`${t.url}/api/triage/concerns`));
    for (const answer of answers) expect(answer).toEqual(none);
    expect(none.status).toBe(401);
    expect(none.challenge).toMatch(/^Bearer realm=/);
    expect(none.body).not.toMatch(/revoked|expired|disabled|password/i);

    const reasons = (await bearerFailures()).slice(0, (await bearerFailures()).length - before).map((e) => e.detail.reason);
    expect(reasons.sort()).toEqual(['disabled', 'expired', 'malformed', 'malformed', 'malformed', 'revoked']);
    const audited = (await bearerFailures()).filter((e) => e.detail.token !== undefined).map((e) => [e.detail.reason, e.detail.token]);
    expect(audited).toEqual(expect.arrayContaining([['revoked', revoked.id], ['expired', expired.id], ['disabled', leaver.token.slice(3, 15)]]));
  });

  it('keeps every token out of the audit trail and the logs, and a password out too', async () => {
    const secrets = [duty.token, (await t.issueToken(duty.id)).token].map((token) => token.slice(16));
    await queue(`Bearer ${duty.token}`);
    await queue(`Bearer ${duty.token.slice(0, -3)}XYZ`);
    const trail = JSON.stringify(await t.audit.recent(1000));
    expect(trail).toContain('token-issued');
    for (const secret of secrets) {
      expect(trail).not.toContain(secret);
      expect(t.logs.text).not.toContain(secret);
    }
    expect(trail).not.toContain(duty.password);
    expect(t.logs.text).not.toContain(duty.password);
  });

  it('keeps only the hash in Redis: nothing under the prefix holds a secret', async () => {
    const { id, token } = await t.issueToken(duty.id);
    const stored = await t.redis.hGetAll(`${t.prefix}apitoken:${id}`);
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(16));
  });
});
