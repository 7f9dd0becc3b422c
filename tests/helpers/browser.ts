import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A laptop-sized window. */
export function laptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 } });
}

/** The WCAG 2.2 AA rules axe checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The WCAG 2.2 AA rules axe checks (in the page and its frames), as "rule: where" lines (empty when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.passes.length).toBeGreaterThan(10); // the scan really ran over a real page
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Everything that would show a page ran script it should not have: dialogs and CSP reports. */
export function watchForScript(page: Page): { dialogs: string[]; cspErrors: string[] } {
  const seen = { dialogs: [] as string[], cspErrors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.cspErrors.push(msg.text());
  });
  return seen;
}
