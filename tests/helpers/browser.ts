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

/** What an axe scan found: violations as "rule: where" lines, and how many checked nodes were inside frames. */
export interface AxeScan {
  violations: string[];
  nodesInFrames: number;
}

/** Runs axe's WCAG 2.2 AA rules over the page and every frame in it (axe follows iframes by default). */
export async function axeScan(page: Page): Promise<AxeScan> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.passes.length).toBeGreaterThan(10); // the scan really ran over a real page
  return {
    violations: results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    // A node in a frame is targeted by the frame's selector, then its own.
    nodesInFrames: results.passes.reduce((sum, rule) => sum + rule.nodes.filter((n) => n.target.length > 1).length, 0),
  };
}

/** The WCAG 2.2 AA rules axe checks, as "rule: where" lines (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeScan(page)).violations;
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
