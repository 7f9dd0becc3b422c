import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { getPage, signInOverHttp } from '../console/consoleClient';

describe('the API with the console\u2019s session cookie', () => {
  let t: TriageTestApp;
  let duty: StaffLogin;
  beforeAll(async () => {
    t = await startTriageApp();
    duty = await t.addStaff('barnsley-front-door', 'duty');
  });
  afterAll(async () => {
    await t.stop();
  });

  const apiWithCookie = (cookie: string, path: string, method = 'GET', headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json', ...headers }, ...(method === 'POST' ? { body: '{}' } : {}) });

  it('reads with the cookie, and changes only with the session\u2019s X-CSRF-Token', async () => {
    const client = await signInOverHttp(t.url, duty);
    const concern = await t.seedConcern();
    expect((await apiWithCookie(client.cookie, '/api/triage/concerns')).status).toBe(200);
    const claimPath = `/api/triage/concerns/${concern.ref}/claim`;
    expect((await apiWithCookie(client.cookie, claimPath, 'POST')).status).toBe(403);
    expect((await apiWithCookie(client.cookie, claimPath, 'POST', { 'x-csrf-token': 'forged-token-forged-token-forged-token-xxx' })).status).toBe(403);
    expect((await t.store.get(concern.ref))?.triage.claim).toBeNull();
    expect((await apiWithCookie(client.cookie, claimPath, 'POST', { 'x-csrf-token': client.csrf })).status).toBe(200);
  });

  it('stops working once the session has expired in Redis: the console sends you to sign in, the API says 401', async () => {
    const client = await signInOverHttp(t.url, duty);
    expect((await getPage(t.url, '/triage', client.cookie)).status).toBe(200);
    const keys: string[] = [];
    for await (const batch of t.redis.scanIterator({ MATCH: `${t.prefix}session:*`, COUNT: 100 })) keys.push(...batch);
    expect(keys.length).toBeGreaterThan(0);
    const token = client.cookie.split('=')[1]!;
    expect(keys.some((k) => k.includes(token))).toBe(false); // stored under a hash, never the token
    // Expire every session now, as the idle timeout would.
    for (const key of keys) await t.redis.pExpire(key, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const page = await getPage(t.url, '/triage', client.cookie);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/triage/sign-in');
    expect((await apiWithCookie(client.cookie, '/api/triage/concerns')).status).toBe(401);
  });
});
