import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { axeViolations, laptopContext, launchChromium, watchForScript } from '../../helpers/browser';
import { signInAs } from './browser';

jest.setTimeout(60_000);

/** The console in Debian's Chromium against the real app and Redis: what duty staff actually do. */
describe('triage console in a browser', () => {
  let t: TriageTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let duty: StaffLogin;
  let colleague: StaffLogin;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await startTriageApp();
    browser = await launchChromium();
    duty = await t.addStaff('barnsley-front-door', 'duty', 'Dana Duty');
    colleague = await t.addStaff('barnsley-front-door', 'duty', 'Colin Colleague');
    context = await laptopContext(browser);
    page = await signInAs(context, t.url, duty);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const concernUrl = (ref: string) => `${t.url}/triage/concerns/${ref}`;

  it('signs in: a wrong password shows the error summary, the right one reaches the queue', async () => {
    const fresh = await laptopContext(browser);
    const p = await fresh.newPage();
    await p.goto(`${t.url}/triage`);
    expect(p.url()).toBe(`${t.url}/triage/sign-in`);
    await p.getByLabel('Sign-in name').fill(colleague.id);
    await p.getByLabel('Password').fill('wrong password');
    await p.getByRole('button', { name: 'Sign in' }).click();
    expect(await p.locator('.govuk-error-summary').innerText()).toContain('The sign-in name or password is not right');
    expect(await p.getByLabel('Sign-in name').inputValue()).toBe(colleague.id);
    await p.getByLabel('Password').fill(colleague.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(`${t.url}/triage`);
    expect(await p.getByRole('heading', { level: 1 }).innerText()).toContain('Queue');
    expect(await p.locator('header').innerText()).toContain('Colin Colleague, Barnsley Integrated Front Door');
    await fresh.close();
  });

  it('lists an urgent concern first and shows a red overdue tag on a late one', async () => {
    const late = await t.seedConcern({ receivedAt: hoursAgo(80), statusChangedAt: hoursAgo(80) });
    const urgent = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'] });
    const res = await page.goto(`${t.url}/triage`);
    expect(res?.headers()['cache-control']).toBe('no-store');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    const refs = await page.locator('tbody th a').allInnerTexts();
    expect(refs.indexOf(urgent.ref)).toBeGreaterThanOrEqual(0);
    expect(refs.indexOf(urgent.ref)).toBeLessThan(refs.indexOf(late.ref));
    const lateRow = page.locator('tbody tr', { has: page.getByRole('link', { name: late.ref }) });
    expect(await lateRow.locator('.govuk-tag--red').innerText()).toMatch(/overdue/i);
    expect(await lateRow.innerText()).toMatch(/was due .* ago/);
    const urgentRow = page.locator('tbody tr', { has: page.getByRole('link', { name: urgent.ref }) });
    expect(await urgentRow.innerText()).toContain('Urgent');
  });

  it('opens a concern, claims it, adds a note, records an outcome and closes it', async () => {
    const c = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'] });
    await page.goto(`${t.url}/triage`);
    await page.getByRole('link', { name: c.ref }).click();
    await page.waitForURL(concernUrl(c.ref));
    expect(await page.locator('main').innerText()).toContain(c.answers.worry ?? 'missing');
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('You have claimed this concern');
    expect(page.url()).toBe(`${concernUrl(c.ref)}?done=claimed`);
    await page.getByLabel('Note', { exact: true }).fill('Rang the school; they share the worry.');
    await page.getByRole('button', { name: 'Add note' }).click();
    expect(await page.locator('#triage').locator('..').innerText()).toContain('Rang the school; they share the worry.');
    await page.getByRole('group', { name: 'Category' }).getByLabel('Early help').check();
    await page.getByRole('group', { name: 'Risk rating' }).getByLabel('Amber: medium risk').check();
    await page.getByLabel('Rationale').fill('Needs support at home; no immediate danger.');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The outcome has been recorded');
    if (process.env.CONSOLE_SCREENSHOT) {
      // Only on request: docs/triage-console.png would otherwise change with every run.
      mkdirSync(join(__dirname, '../../../docs'), { recursive: true });
      await page.screenshot({ path: join(__dirname, '../../../docs/triage-console.png'), fullPage: true });
    }
    await page.getByRole('button', { name: 'Close concern' }).click();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The concern has been closed');
    const stored = await t.store.get(c.ref);
    expect(stored?.status).toBe('closed');
    expect(stored?.triage.outcome).toMatchObject({ category: 'early-help', rag: 'amber', by: duty.id });
    expect(stored?.triage.notes.map((n) => n.text)).toEqual(['Rang the school; they share the worry.']);
    expect(await page.locator('#audit').innerText()).toMatch(/Claimed[\s\S]*Added a note[\s\S]*Recorded an outcome[\s\S]*Closed/);
  });

  it('tells a colleague in another browser that someone else is working on it', async () => {
    const c = await t.seedConcern();
    await page.goto(concernUrl(c.ref));
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    const theirs = await laptopContext(browser);
    const other = await signInAs(theirs, t.url, colleague);
    await other.goto(concernUrl(c.ref));
    expect(await other.locator('.govuk-inset-text').innerText()).toContain(`${duty.id} is working on this`);
    const res = other.waitForResponse((r) => r.url().endsWith('/claim'));
    await other.getByRole('button', { name: 'Claim', exact: true }).click();
    expect((await res).status()).toBe(409);
    expect(await other.locator('.govuk-error-summary').innerText()).toMatch(/Someone else is working on this/);
    expect((await t.store.get(c.ref))?.triage.claim?.by).toBe(duty.id);
    await theirs.close();
  });

  it('renders script and image payloads as visible text that never runs', async () => {
    const script = '<script>window.__xss = 1; alert("script")</script>';
    const img = '<img src=x onerror="window.__xss = 2; alert(\'img\')">';
    const c = await t.seedConcern({ answers: { ...(await t.seedConcern()).answers, worry: script, place: img } });
    const seen = watchForScript(page);
    await page.goto(concernUrl(c.ref));
    await page.getByLabel('Note', { exact: true }).fill(`Staff typed ${img}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    const main = await page.locator('main').innerText();
    expect(main).toContain(script);
    expect(main).toContain(img);
    expect(main).toContain(`Staff typed ${img}`);
    expect(await page.locator('main img, main script, [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.cspErrors).toEqual([]);
  });

  it('works by keyboard alone: skip link first, then Tab to Claim and press Enter', async () => {
    const c = await t.seedConcern();
    await page.goto(concernUrl(c.ref));
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('Skip to main content');
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'Claim'; i += 1) {
      await page.keyboard.press('Tab');
      focused = (await page.locator(':focus').innerText()).trim();
    }
    expect(focused).toBe('Claim');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${concernUrl(c.ref)}?done=claimed`);
    expect((await t.store.get(c.ref))?.triage.claim?.by).toBe(duty.id);
  });

  it('refuses a form post without the CSRF field with 403', async () => {
    const c = await t.seedConcern();
    const res = await context.request.post(`${concernUrl(c.ref)}/claim`, { form: {}, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(res.headers()['cache-control']).toBe('no-store');
    expect((await t.store.get(c.ref))?.triage.claim).toBeNull();
  });

  it('finds no axe violations on the sign-in, queue and concern pages', async () => {
    const c = await t.seedConcern({ urgent: true, urgentReasons: ['safety-check'] });
    const anon = await (await laptopContext(browser)).newPage();
    await anon.goto(`${t.url}/triage/sign-in`);
    expect(await axeViolations(anon)).toEqual([]);
    await anon.getByRole('button', { name: 'Sign in' }).click(); // an error summary on the page too
    expect(await axeViolations(anon)).toEqual([]);
    await page.goto(`${t.url}/triage`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(concernUrl(c.ref));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Record outcome' }).click(); // the page with field errors
    expect(await axeViolations(page)).toEqual([]);
    await anon.context().close();
  });

  it('shares a concern (a manager), and the other team sees it new to them, with who else has it, until they open it; unread news is marked too', async () => {
    const c = await t.seedConcern();
    const manager = await t.addStaff('barnsley-front-door', 'manager', 'Mo Manager');
    const sheffield = await t.addStaff('sheffield-safeguarding-hub', 'duty', 'Sam Sheffield');
    const mine = await laptopContext(browser);
    const mo = await signInAs(mine, t.url, manager);
    await mo.goto(concernUrl(c.ref));
    // Duty staff are not offered sharing; a manager is.
    await page.goto(concernUrl(c.ref));
    expect(await page.getByRole('heading', { name: 'Share with another agency' }).count()).toBe(0);
    await mo.getByRole('combobox', { name: 'Agency' }).last().selectOption('sheffield-safeguarding-hub');
    await mo.locator('#share-reason').fill('The boy goes to school in Sheffield');
    await mo.getByRole('button', { name: 'Share', exact: true }).click();
    expect(await mo.locator('.govuk-notification-banner').innerText()).toContain('The concern has been shared');
    expect(await mo.getByText(/Also with/).first().isVisible()).toBe(true);
    expect(await mo.locator('.govuk-summary-list').first().innerText()).toMatch(/Also with\s+Sheffield Safeguarding Hub \(new\)/);

    const theirs = await laptopContext(browser);
    const sam = await signInAs(theirs, t.url, sheffield);
    await sam.goto(`${t.url}/triage?status=received`);
    const row = sam.getByRole('row').filter({ hasText: c.ref });
    expect(await row.innerText()).toMatch(/New to this team[\s\S]*Also with Barnsley/);
    expect(await axeViolations(sam)).toEqual([]);
    await row.getByRole('link', { name: c.ref }).click();
    expect(await sam.locator('h1').innerText()).toContain(c.ref);
    expect(await sam.locator('main').innerText()).toContain('New to this team'); // shown on the opening that clears it
    await sam.goto(`${t.url}/triage`);
    expect(await sam.getByRole('row').filter({ hasText: c.ref }).innerText()).not.toContain('New to this team');

    // The reporter adds something: both teams see it marked until each opens the concern.
    await t.store.addInformation(c.ref, 'he has a new phone now', new Date());
    await sam.goto(`${t.url}/triage`);
    expect(await sam.getByRole('row').filter({ hasText: c.ref }).innerText()).toContain('1 new from the reporter');
    await mo.goto(`${t.url}/triage`);
    expect(await mo.getByRole('row').filter({ hasText: c.ref }).innerText()).toContain('1 new from the reporter');
    expect(await axeViolations(mo)).toEqual([]);
    await mo.goto(concernUrl(c.ref));
    await mo.goto(`${t.url}/triage`);
    expect(await mo.getByRole('row').filter({ hasText: c.ref }).innerText()).not.toContain('new from the reporter');
    await sam.goto(`${t.url}/triage`);
    expect(await sam.getByRole('row').filter({ hasText: c.ref }).innerText()).toContain('1 new from the reporter');
    await mine.close();
    await theirs.close();
  });

  it('signs out for real: Back and the queue address both lead to sign-in', async () => {
    const mine = await laptopContext(browser);
    const p = await signInAs(mine, t.url, duty);
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(`${t.url}/triage/sign-in?signed-out=1`);
    expect(await p.locator('.govuk-notification-banner').innerText()).toContain('You have signed out');
    await p.goBack();
    expect(p.url()).toBe(`${t.url}/triage/sign-in`);
    await p.goto(`${t.url}/triage`);
    expect(p.url()).toBe(`${t.url}/triage/sign-in`);
    await mine.close();
  });
});
