import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { getPage, postForm, signInOverHttp, type ConsoleClient } from './consoleClient';
import { ESCAPED_SCRIPT, expectInert, SCRIPT } from './consoleFixtures';

/** The console over plain HTTP against the real app and Redis: headers, sign-in, CSRF, refusals. */
describe('console routes (real server, real Redis)', () => {
  let t: TriageTestApp;
  let duty: StaffLogin;
  let colleague: StaffLogin;
  let s: ConsoleClient;
  beforeAll(async () => {
    t = await startTriageApp();
    duty = await t.addStaff('barnsley-front-door', 'duty', 'Dana Duty');
    colleague = await t.addStaff('barnsley-front-door', 'duty', 'Colin Colleague');
    s = await signInOverHttp(t.url, duty);
  });
  afterAll(async () => {
    await t.stop();
  });

  function expectStaffHeaders(res: Response): void {
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  }

  it('sends a visitor without a session to sign in, with the security headers', async () => {
    const res = await getPage(t.url, '/triage');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/triage/sign-in');
    expectStaffHeaders(res);
    const signIn = await getPage(t.url, '/triage/sign-in');
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectStaffHeaders(signIn);
    const body = await signIn.text();
    expect(body).toContain('<html lang="en"');
    expect(body).not.toMatch(/<script|style="/);
  });

  it('refuses a wrong password with 401 and an error summary, and sets a strict HttpOnly cookie for the right one', async () => {
    const wrong = await postForm(t.url, '/triage/sign-in', { name: colleague.id, password: 'not-it' });
    expect(wrong.status).toBe(401);
    expectStaffHeaders(wrong);
    expect(await wrong.text()).toContain('The sign-in name or password is not right');
    const right = await postForm(t.url, '/triage/sign-in', { name: colleague.id, password: colleague.password });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/triage');
    expect(right.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a sign-in posted from another site (login CSRF) with 403 and no cookie, and takes one from its own page', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${t.url}/triage/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ name: colleague.id, password: colleague.password }).toString(),
      });
    const foreign: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const headers of foreign) {
      const res = await post(headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 403 });
      expect(res.headers.get('set-cookie')).toBeNull();
      expectStaffHeaders(res);
    }
    const host = new URL(t.url).host;
    const own: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin', origin: `http://${host}` }, { origin: `http://${host}` }, {}];
    for (const headers of own) {
      const res = await post(headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 303 });
      expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    }
  });

  it('locks sign-in after repeated failures: 429, Retry-After and how long to wait', async () => {
    const victim = await t.addStaff('barnsley-front-door');
    let res: Response | undefined;
    for (let i = 0; i < 6; i += 1) res = await postForm(t.url, '/triage/sign-in', { name: victim.id, password: `guess-${i}` });
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await res?.text()).toMatch(/try again in 1[45] minutes/);
  });

  it('refuses forms that are not forms (415) or carry fields we did not ask for (400)', async () => {
    const json = await fetch(`${t.url}/triage/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expectStaffHeaders(json);
    const extra = await postForm(t.url, '/triage/sign-in', { name: 'a', password: 'b', admin: 'yes' });
    expect(extra.status).toBe(400);
  });

  it('shows the queue urgent first, with an overdue tag, and applies filters', async () => {
    const old = await t.seedConcern({ receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const urgent = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'] });
    const res = await s.get('/triage');
    expect(res.status).toBe(200);
    expectStaffHeaders(res);
    const page = await res.text();
    expect(page.indexOf(urgent.ref)).toBeGreaterThan(0);
    expect(page.indexOf(urgent.ref)).toBeLessThan(page.indexOf(old.ref));
    expect(page).toMatch(/govuk-tag--red">Overdue</);
    const onlyUrgent = await (await s.get('/triage?urgent=yes')).text();
    expect(onlyUrgent).toContain(urgent.ref);
    expect(onlyUrgent).not.toContain(old.ref);
    expect((await s.get('/triage?sort=evil')).status).toBe(400);
  });

  it('answers 404 "not in your queue" alike for another agency\u2019s concern and a made-up reference', async () => {
    const theirs = await t.seedConcern({ agency: 'sheffield-safeguarding-hub', area: 'sheffield' });
    const other = await s.get(`/triage/concerns/${theirs.ref}`);
    const none = await s.get('/triage/concerns/AAAA-BBBB-CCCC-DDDD');
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expectStaffHeaders(other);
    const [a, b] = [await other.text(), await none.text()];
    expect(a).toContain('Concern not in your queue');
    expect(a).toBe(b);
  });

  it('shows how the reporter knows the child, their age, whether the parents know, and the closed concern it follows; the API too', async () => {
    const earlier = await t.seedConcern({ status: 'closed' });
    const base = (await t.seedConcern()).answers;
    const c = await t.seedConcern({
      follows: earlier.ref,
      answers: { ...base, relationship: 'A friend of the family', childAge: `13 or 14 ${SCRIPT}`, parentsKnow: 'no' },
    });
    const page = await (await s.get(`/triage/concerns/${c.ref}`)).text();
    expect(page).toContain(`Follows earlier concern <a class="govuk-link" href="/triage/concerns/${earlier.ref}">${earlier.ref}</a>`);
    expect(page).toMatch(/How they know the child or place<\/dt><dd[^>]*>A friend of the family</);
    expect(page).toMatch(new RegExp(`The child\u2019s age</dt><dd[^>]*>13 or 14 ${ESCAPED_SCRIPT.replace(/[()]/g, '\\$&')}<`));
    expect(page).toMatch(/Do the child\u2019s parents or carers know\?<\/dt><dd[^>]*>No</);
    expectInert(page);
    // A parent reporter is not asked whether the parents know, and that is what staff see.
    const parent = await (await s.get(`/triage/concerns/${earlier.ref}`)).text();
    expect(parent).toContain('Not asked: the reporter is their parent or carer');
    expect(parent).not.toContain('Follows earlier concern');
    const json = (await (await t.api(duty, `/api/triage/concerns/${c.ref}`)).json()) as { concern: { follows: string | null; answers: Record<string, unknown> } };
    expect(json.concern.follows).toBe(earlier.ref);
    expect(json.concern.answers).toMatchObject({ relationship: 'A friend of the family', parentsKnow: 'no' });
  });

  it('refuses a change without the CSRF token, or with the wrong one, with 403', async () => {
    const c = await t.seedConcern();
    expect((await s.post(`/triage/concerns/${c.ref}/claim`, {})).status).toBe(403);
    const wrong = await s.post(`/triage/concerns/${c.ref}/claim`, { csrf: 'x'.repeat(s.csrf.length) });
    expect(wrong.status).toBe(403);
    expectStaffHeaders(wrong);
    expect((await t.store.get(c.ref))?.triage.claim).toBeNull();
  });

  it('claims, notes, decides and closes by post/redirect/get, showing text as text', async () => {
    const c = await t.seedConcern({ answers: { ...(await t.seedConcern()).answers, worry: SCRIPT } });
    const path = `/triage/concerns/${c.ref}`;
    const claim = await s.post(`${path}/claim`, { csrf: s.csrf });
    expect(claim.status).toBe(303);
    expect(claim.headers.get('location')).toBe(`${path}?done=claimed`);
    const note = await s.post(`${path}/notes`, { csrf: s.csrf, text: `Spoke to school ${SCRIPT}` });
    expect(note.headers.get('location')).toBe(`${path}?done=noted`);
    const early = await s.post(`${path}/close`, { csrf: s.csrf });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Record an outcome before closing the concern.');
    const outcome = await s.post(`${path}/outcome`, { csrf: s.csrf, category: 'early-help', rag: 'amber', rationale: 'Needs support' });
    expect(outcome.headers.get('location')).toBe(`${path}?done=decided`);
    expect((await s.post(`${path}/close`, { csrf: s.csrf })).status).toBe(303);
    const page = await (await s.get(`${path}?done=closed`)).text();
    expect(page).toContain('The concern has been closed');
    expect(page).toContain(`Spoke to school ${ESCAPED_SCRIPT}`);
    expectInert(page);
    const stored = await t.store.get(c.ref);
    expect(stored?.status).toBe('closed');
    expect(stored?.triage.outcome).toMatchObject({ category: 'early-help', rag: 'amber' });
  });

  it('shows a form\u2019s problems beside the control (400) and refuses unknown fields outright', async () => {
    const c = await t.seedConcern();
    const empty = await s.post(`/triage/concerns/${c.ref}/outcome`, { csrf: s.csrf, rationale: ' ' });
    expect(empty.status).toBe(400);
    const page = await empty.text();
    expect(page).toContain('<a href="#outcome-category">Choose a category</a>');
    expect(page).toContain('<a href="#outcome-rationale">Enter a rationale</a>');
    const extra = await s.post(`/triage/concerns/${c.ref}/notes`, { csrf: s.csrf, text: 'ok', by: 'someone-else' });
    expect(extra.status).toBe(400);
    expect((await t.store.get(c.ref))?.triage.notes).toEqual([]);
  });

  it('tells a colleague someone else is working on it (409)', async () => {
    const c = await t.seedConcern();
    expect((await s.post(`/triage/concerns/${c.ref}/claim`, { csrf: s.csrf })).status).toBe(303);
    const other = await signInOverHttp(t.url, colleague);
    const res = await other.post(`/triage/concerns/${c.ref}/claim`, { csrf: other.csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Someone else is working on this concern');
  });

  it('lets only managers transfer: 403 for duty staff, the queue for a manager', async () => {
    const c = await t.seedConcern();
    const fields = { to: 'south-yorkshire-police', reason: 'It is about a place' };
    const refused = await s.post(`/triage/concerns/${c.ref}/transfer`, { csrf: s.csrf, ...fields });
    expect(refused.status).toBe(403);
    const boss = await signInOverHttp(t.url, await t.addStaff('barnsley-front-door', 'manager', 'Mina Manager'));
    const moved = await boss.post(`/triage/concerns/${c.ref}/transfer`, { csrf: boss.csrf, ...fields });
    expect(moved.headers.get('location')).toBe('/triage?done=transferred');
    expect((await t.store.get(c.ref))?.agency).toBe('south-yorkshire-police');
    expect((await boss.get(`/triage/concerns/${c.ref}`)).status).toBe(404);
  });

  it('signs out for real: CSRF checked, cookie cleared, the old cookie no longer works', async () => {
    const mine = await signInOverHttp(t.url, duty);
    expect((await mine.post('/triage/sign-out', {})).status).toBe(403);
    const out = await mine.post('/triage/sign-out', { csrf: mine.csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/triage/sign-in?signed-out=1');
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const after = await mine.get('/triage');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/triage/sign-in');
  });

  it('serves GOV.UK Frontend\u2019s stylesheet from our origin, without the GOV.UK-only font', async () => {
    const res = await getPage(t.url, '/triage/assets/govuk-frontend.min.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const css = await res.text();
    expect(css).toContain('.govuk-error-summary');
    expect(css).not.toContain('@font-face');
    const traversal = await getPage(t.url, '/triage/assets/..%2Fpackage.json');
    expect(traversal.status).toBe(404);
    expectStaffHeaders(traversal); // our own 404 page, not the framework's
    expect(await traversal.text()).toContain('There is no page at this address.');
    expect((await getPage(t.url, '/assets/fonts/bold-b542beb274-v2.woff2')).status).toBe(404);
  });

  it('never logs what anyone typed: no concern text, note, password or address', async () => {
    const logs = t.logs.text;
    expect(logs).toContain('"route":"/triage/concerns/:ref/claim"');
    for (const secret of ['alert(1)', 'Spoke to school', duty.password, colleague.password, '127.0.0.1"']) {
      expect(logs).not.toContain(secret);
    }
  });
});
