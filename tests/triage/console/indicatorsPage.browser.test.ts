import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STAFF_SECURITY_HEADERS } from '../../../src/http/securityHeaders';
import { loadGovukStylesheet } from '../../../src/triage/console/consoleAssets';
import { indicatorsPage, PERIOD_ERRORS } from '../../../src/triage/console/indicatorsPage';
import { STYLESHEET_PATH } from '../../../src/triage/console/layout';
import { axeViolations, laptopContext, launchChromium, watchForScript } from '../../helpers/browser';
import { signedIn } from './consoleFixtures';
import { PERIOD, sampleRows } from './indicatorRows';

jest.setTimeout(60_000);

/**
 * The indicators page in Debian's Chromium, served as the console serves pages: the real stylesheet at the
 * path the layout links to, and the staff CSP on every response. (The routes' own end-to-end test covers the
 * page behind sign-in.)
 */
describe('indicators page in a browser', () => {
  const pages: Record<string, string> = {
    '/triage/indicators': indicatorsPage({ signedIn, period: PERIOD, rows: sampleRows(), showQueueLink: false }).toString(),
    '/triage/indicators-with-errors': indicatorsPage({
      signedIn,
      period: { from: '2026-11', to: '2026-09' },
      rows: [],
      errors: [PERIOD_ERRORS.backwards],
      showQueueLink: true,
    }).toString(),
  };
  const stylesheet = loadGovukStylesheet();
  let server: Server | undefined;
  let url: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let seen: ReturnType<typeof watchForScript>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      for (const [name, value] of Object.entries(STAFF_SECURITY_HEADERS)) res.setHeader(name, value);
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const body = path === STYLESHEET_PATH ? stylesheet : pages[path];
      // Not chained: restify, loaded by other suites in the same process, patches writeHead to return nothing.
      if (req.method !== 'GET' || body === undefined) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': path === STYLESHEET_PATH ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8' });
      res.end(body);
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(0, '127.0.0.1', resolve);
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await laptopContext(browser);
    page = await context.newPage();
    seen = watchForScript(page);
  });

  afterAll(async () => {
    await browser?.close();
    const closing = server;
    if (closing) await new Promise((resolve) => closing.close(resolve));
  });

  it('loads under the staff CSP with its stylesheet, runs no script and passes axe', async () => {
    const res = await page.goto(`${url}/triage/indicators`);
    expect(res?.headers()['content-security-policy']).toBe(STAFF_SECURITY_HEADERS['Content-Security-Policy']);
    // The stylesheet really applied (GOV.UK's table class sets border-collapse).
    expect(await page.evaluate(`getComputedStyle(document.querySelector('table')).borderCollapse`)).toBe('collapse');
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(seen).toEqual({ dialogs: [], cspErrors: [] });
  });

  it('exposes each chart as an image named by its title and described by its figures', async () => {
    await page.goto(`${url}/triage/indicators`);
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(4);
    for (const name of ['Concerns received', 'Urgent concerns received', 'Decisions recorded (first per team)', 'Decided within the clock']) {
      await expect(page.getByRole('img', { name: `${name}, by area and month`, exact: true }).count()).resolves.toBe(1);
    }
    const concerns = page.getByRole('img', { name: 'Concerns received, by area and month', exact: true });
    const description = await page.locator(`[id="${await concerns.getAttribute('aria-describedby')}"]`).textContent();
    expect(description).toContain('Barnsley: September 2026 12, October 2026 not shown (a small number), November 2026 0.');
    // Drawn at a readable size on a laptop.
    const box = await concerns.boundingBox();
    expect(box?.width).toBeGreaterThan(800);
    expect(box?.height).toBeGreaterThan(500);
  });

  it('has no queue link for a partnership account, and marks the page it is on', async () => {
    await page.goto(`${url}/triage/indicators`);
    const nav = page.getByRole('navigation', { name: 'Console' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Indicators']);
    expect(await nav.getByRole('link', { name: 'Indicators' }).getAttribute('aria-current')).toBe('page');
  });

  it('sends the period picked by GET to the page itself, without script', async () => {
    await page.goto(`${url}/triage/indicators`);
    await page.getByLabel('First month').fill('2026-08');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(`${url}/triage/indicators?from=2026-08&to=2026-11`);
    expect(seen.cspErrors).toEqual([]);
  });

  it('shows a wrong period as an error summary linked to its field, and passes axe', async () => {
    await page.goto(`${url}/triage/indicators-with-errors`);
    expect(await page.title()).toMatch(/^Error: Indicators/);
    await page.locator('.govuk-error-summary').getByRole('link', { name: PERIOD_ERRORS.backwards.text }).click();
    expect(await page.evaluate('location.hash')).toBe('#to');
    expect(await page.getByLabel('Last month (included)').getAttribute('aria-describedby')).toBe('to-hint to-error');
    expect(await axeViolations(page)).toEqual([]);
    expect(seen.cspErrors).toEqual([]);
  });
});
