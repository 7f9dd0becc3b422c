import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { axeScan, laptopContext, launchChromium } from '../helpers/browser';
import type { RunningApp } from '../helpers/testApp';
import {
  conversationStartedBy,
  DEMO_TITLE,
  expectConversationEnded,
  focusedInPage,
  messageBox,
  openChat,
  say,
  scrollsSideways,
  startChatApp,
  until,
  waitForText,
  WELCOME,
} from './chatBrowser';

jest.setTimeout(120_000);

/** The element's box lies wholly inside the window. */
async function expectInWindow(locator: Locator, window: { width: number; height: number }): Promise<void> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.width).toBeGreaterThan(0);
  expect([box.x >= 0, box.y >= 0, box.x + box.width <= window.width + 0.5, box.y + box.height <= window.height + 0.5]).toEqual([true, true, true, true]);
}

/** The computed focus ring of the focused element in `target`: "width style colour". */
function focusRing(target: Page | ReturnType<Page['frames']>[number]): Promise<string> {
  return target.evaluate(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return s.outlineWidth + ' ' + s.outlineStyle + ' ' + s.outlineColor;
  })()`);
}

/** WCAG 2.2 AA in Debian's Chromium: axe, keyboard only, narrow screens and zoom. */
describe('web chat accessibility', () => {
  let t: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startChatApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('finds no axe violations on the demo page with the chat closed and open (inside its frame too), nor on /chat', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${t.url}/`);
    expect((await axeScan(page)).violations).toEqual([]);

    const { chat } = await openChat(page);
    await say(chat, 'what are the signs of county lines');
    await waitForText(chat, /No single sign proves/);
    const open = await axeScan(page);
    expect(open.violations).toEqual([]);
    expect(open.nodesInFrames).toBeGreaterThan(20); // axe really went into the chat's frame
    if (process.env.WEBCHAT_SCREENSHOT) {
      // Only on request (docs/web-chat.png, for the README): the picture would otherwise change with every run.
      mkdirSync(join(__dirname, '../../docs'), { recursive: true });
      await page.screenshot({ path: join(__dirname, '../../docs/web-chat.png') });
    }

    const alone = await page.context().newPage();
    await alone.goto(`${t.url}/chat`);
    await waitForText(alone, WELCOME);
    expect((await axeScan(alone)).violations).toEqual([]);
    await page.context().close();
  });

  it('names the controls and the chat for screen readers', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Exit this page' }).waitFor();
    const { chat } = await openChat(page);
    expect(await page.getByRole('region', { name: DEMO_TITLE }).locator(`iframe[title="${DEMO_TITLE}"]`).count()).toBe(1);
    await chat.getByRole('main', { name: DEMO_TITLE }).waitFor();
    await chat.getByRole('heading', { level: 1, name: DEMO_TITLE }).waitFor();
    await chat.getByRole('button', { name: 'Exit this page' }).waitFor();
    await chat.getByRole('button', { name: 'Close chat' }).waitFor();
    await messageBox(chat).waitFor();
    expect(await chat.locator('html').getAttribute('lang')).toBe('en-GB');
    await page.context().close();
  });

  it('works by keyboard alone: Tab to the launcher, Enter, type and send, visible focus, Escape closes and focus returns', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await page.goto(`${t.url}/`);
    let focused = '';
    for (let i = 0; i < 10 && focused !== `button: ${DEMO_TITLE}`; i += 1) {
      await page.keyboard.press('Tab');
      focused = await focusedInPage(page);
      if (focused === 'button: Exit this page') expect(await focusRing(page)).toBe('3px solid rgb(11, 12, 12)');
    }
    expect(focused).toBe(`button: ${DEMO_TITLE}`);
    expect(await focusRing(page)).toBe('3px solid rgb(11, 12, 12)');

    const conversation = await conversationStartedBy(page, () => page.keyboard.press('Enter'));
    const chat = page.frameLocator(`iframe[title="${DEMO_TITLE}"]`);
    await waitForText(chat, WELCOME);
    const frame = page.frames()[1];
    if (!frame) throw new Error('no chat frame');
    await until('focus in the message box', async () => (await frame.evaluate(`document.activeElement.getAttribute('aria-label')`)) === 'Message input box');
    expect(await focusedInPage(page)).toBe(`iframe: ${DEMO_TITLE}`);
    expect(await focusRing(frame)).toMatch(/^0px /); // the ring is drawn round the box, not the input:
    expect(await frame.evaluate(`getComputedStyle(document.activeElement.closest('form')).outline`)).toBe('rgb(11, 12, 12) solid 3px');

    // Back through the chat to its header: our buttons show the same 3px ring as the launcher.
    const activeText = async () => String(await frame.evaluate(`(document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || '').trim()`));
    let inFrame = '';
    for (let i = 0; i < 30 && inFrame !== 'Close chat'; i += 1) {
      await page.keyboard.press('Shift+Tab');
      inFrame = await activeText();
    }
    expect(inFrame).toBe('Close chat');
    expect(await focusRing(frame)).toBe('3px solid rgb(11, 12, 12)');
    await page.keyboard.press('Shift+Tab');
    expect(await activeText()).toBe('Exit this page');
    expect(await focusRing(frame)).toBe('3px solid rgb(11, 12, 12)');
    for (let i = 0; i < 30 && inFrame !== 'Message input box'; i += 1) {
      await page.keyboard.press('Tab');
      inFrame = await activeText();
    }
    expect(inFrame).toBe('Message input box');

    await page.keyboard.type('what are the signs of county lines');
    await page.keyboard.press('Enter');
    await waitForText(chat, /No single sign proves/);
    expect(await activeText()).toBe('Message input box');

    // Escape inside the chat history is Web Chat's own (back to the message box): it must not close the chat.
    const activeClass = async () => String(await frame.evaluate(`String(document.activeElement.className)`));
    for (let i = 0; i < 30 && !(await activeClass()).includes('webchat__basic-transcript'); i += 1) await page.keyboard.press('Shift+Tab');
    expect(await activeClass()).toContain('webchat__basic-transcript');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    await until('focus back in the message box', async () => (await activeText()) === 'Message input box');
    expect(page.frames()).toHaveLength(2);
    await page.keyboard.press('Escape');
    await page.locator('iframe').waitFor({ state: 'detached' });
    expect(await focusedInPage(page)).toBe(`button: ${DEMO_TITLE}`);
    await expectConversationEnded(t.url, conversation);
    await page.context().close();
  });

  const SCREENS: Array<[string, BrowserContextOptions & { viewport: { width: number; height: number } }]> = [
    ['320 CSS px wide (WCAG reflow)', { viewport: { width: 320, height: 640 } }],
    // Chromium's own 200% zoom on a 1280×800 window lays pages out in 640×400 CSS px at 2 device pixels per
    // CSS px: emulating exactly that viewport and scale gives the same layout and media queries.
    ['200% zoom of a 1280×800 window', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ];

  it.each(SCREENS)('%s: no sideways scrolling, Exit always visible, the open chat fills the screen and works', async (_name, options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const window = options.viewport;
    await page.goto(`${t.url}/`);
    expect(await scrollsSideways(page)).toBe(false);
    await expectInWindow(page.getByRole('button', { name: 'Exit this page' }), window);
    await expectInWindow(page.getByRole('button', { name: DEMO_TITLE }), window);

    const { chat } = await openChat(page);
    expect(await page.locator('iframe').boundingBox()).toEqual({ x: 0, y: 0, width: window.width, height: window.height });
    const frame = page.frames()[1];
    if (!frame) throw new Error('no chat frame');
    expect(await scrollsSideways(frame)).toBe(false);
    await expectInWindow(chat.getByRole('button', { name: 'Exit this page' }), window);
    await expectInWindow(chat.getByRole('button', { name: 'Close chat' }), window);
    await expectInWindow(messageBox(chat), window);
    await say(chat, 'what are the signs of county lines');
    await waitForText(chat, /No single sign proves/);
    await expectInWindow(messageBox(chat), window);
    await expectInWindow(chat.getByRole('button', { name: 'Exit this page' }), window);
    expect(await scrollsSideways(frame)).toBe(false);
    expect(await scrollsSideways(page)).toBe(false);
    expect((await axeScan(page)).violations).toEqual([]);
    await context.close();
  });
});
