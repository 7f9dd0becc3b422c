import type { Browser, BrowserContext, Page } from 'playwright-core';
import { monthOf } from '../../../src/indicators/indicatorStore';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { axeViolations, laptopContext, launchChromium, watchForScript } from '../../helpers/browser';

jest.setTimeout(90_000);

/** The partnership's indicators behind sign-in, in Debian's Chromium against the real app and Redis. */
describe('indicators in the console, in a browser', () => {
  let t: TriageTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let partner: StaffLogin;
  let manager: StaffLogin;
  const month = monthOf(new Date());

  beforeAll(async () => {
    t = await startTriageApp();
    browser = await launchChromium();
    partner = await t.addStaff('partnership', 'partnership', 'Ana Analyst');
    manager = await t.addStaff('barnsley-front-door', 'manager', 'Mo Manager');
    const duty = await t.addStaff('barnsley-front-door', 'duty');
    // Seven decisions in Barnsley this month, made through the API as staff would.
    for (let i = 0; i < 7; i++) {
      const { ref } = await t.seedConcern();
      await t.api(duty, `/api/triage/concerns/${ref}/outcome`, { method: 'POST', body: { category: 'advice-or-signposting', rag: 'green', rationale: 'Advice given.' } });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** Signs in on a context of its own (a session cookie left by another test would skip the sign-in form). */
  async function signIn(login: StaffLogin): Promise<Page> {
    await context?.close();
    context = await laptopContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/triage/sign-in`);
    await page.getByLabel('Sign-in name').fill(login.id);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  it('a partnership account signs in to the indicators: no queue, no script, nothing axe objects to', async () => {
    const page = await signIn(partner);
    const seen = watchForScript(page);
    await page.waitForURL(`${t.url}/triage/indicators`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Indicators');
    expect(await page.locator('header').innerText()).toContain('South Yorkshire partnership (all areas)');
    expect(await page.getByRole('link', { name: 'Queue', exact: true }).count()).toBe(0);
    // The decisions table shows Barnsley's 7; charts are images with names.
    const decided = page.locator('table', { has: page.locator('caption', { hasText: /^Decisions recorded/ }) }).first();
    expect(await decided.locator('tr', { hasText: 'Barnsley' }).innerText()).toContain('7');
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(4);
    expect(await axeViolations(page)).toEqual([]);
    expect(seen).toEqual({ dialogs: [], cspErrors: [] });
  });

  it('the period picker and the CSV link carry the period; a backwards period shows the error summary', async () => {
    const page = await signIn(partner);
    await page.waitForURL(`${t.url}/triage/indicators`);
    await page.getByLabel('First month').fill(month);
    await page.getByLabel('Last month (included)').fill(month);
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(`${t.url}/triage/indicators?from=${month}&to=${month}`);
    const csv = page.getByRole('link', { name: /csv/i });
    expect(await csv.getAttribute('href')).toBe(`/api/indicators.csv?from=${month}&to=${month}`);
    const download = await page.context().request.get(`${t.url}/api/indicators.csv?from=${month}&to=${month}`);
    expect(download.status()).toBe(200);
    expect((await download.text()).split('\r\n')).toContain(`barnsley,${month},decided,7`);
    await page.goto(`${t.url}/triage/indicators?from=2026-11&to=2026-01`);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('The last month must be the same as or after the first month');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a manager reaches the indicators from the queue\u2019s navigation', async () => {
    const page = await signIn(manager);
    await page.waitForURL(`${t.url}/triage`);
    await page.getByRole('link', { name: 'Indicators', exact: true }).click();
    await page.waitForURL(`${t.url}/triage/indicators`);
    expect(await page.getByRole('link', { name: 'Queue', exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
