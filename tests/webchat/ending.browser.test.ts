import type { Browser, Page } from 'playwright-core';
import { laptopContext, launchChromium } from '../helpers/browser';
import type { RunningApp } from '../helpers/testApp';
import {
  conversationStartedBy,
  conversationStatus,
  DEMO_TITLE,
  expectConversationEnded,
  focusedInPage,
  holdNavigation,
  messageBox,
  openChat,
  say,
  startChatApp,
  until,
  waitForText,
  WELCOME,
} from './chatBrowser';
import { EXIT_PAGE, startSideServer, type SideServer } from './sideServer';

jest.setTimeout(120_000);

/** Closing and quick exit: the chat leaves nothing behind, in the page or on the server. */
describe('ending the web chat', () => {
  let t: RunningApp;
  let exitSite: SideServer;
  let exitUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    exitSite = await startSideServer({ '/away': EXIT_PAGE });
    exitUrl = `${exitSite.origin}/away`;
    t = await startChatApp({ WEBCHAT_EXIT_URL: exitUrl });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await exitSite?.close();
  });

  async function demoPage(): Promise<Page> {
    const page = await (await laptopContext(browser)).newPage();
    await page.goto(`${t.url}/`);
    return page;
  }

  /**
   * Runs `exit` and checks what quick exit promises: the chat's iframe is gone before the next page arrives, the
   * exit page replaces this one in the history, and the server has forgotten the conversation (if there was one).
   */
  async function expectQuickExit(page: Page, exit: () => Promise<unknown>, conversation?: { conversationId: string; token: string }): Promise<void> {
    const historyLength = await page.evaluate('history.length');
    const held = await holdNavigation(page, exitUrl);
    // Not awaited yet: Playwright's click waits for the navigation it starts, which is held.
    const acting = exit();
    await held.requested;
    // The old page stays until the exit page arrives (held): its chat frame must already be gone.
    await until('the chat frame to go', () => page.frames().length === 1);
    await held.release();
    await acting;
    await page.waitForURL(exitUrl);
    expect(await page.locator('h1').innerText()).toBe('Weather');
    expect(await page.evaluate('history.length')).toBe(historyLength); // replaced: Back does not return to the chat
    if (conversation) await expectConversationEnded(t.url, conversation);
    await page.context().close();
  }

  it('Close ends the conversation, puts focus back on the launcher, and reopening starts a new chat', async () => {
    const page = await demoPage();
    const { chat, conversation } = await openChat(page);
    await say(chat, 'what are the signs of county lines');
    await waitForText(chat, /No single sign proves/);
    await chat.getByRole('button', { name: 'Close chat' }).click();
    await page.locator('iframe').waitFor({ state: 'detached' });
    await expectConversationEnded(t.url, conversation);
    expect(await focusedInPage(page)).toBe(`button: ${DEMO_TITLE}`);

    const reopened = await openChat(page);
    expect(reopened.conversation.conversationId).not.toBe(conversation.conversationId);
    expect(await reopened.chat.locator('body').innerText()).not.toContain('No single sign');
    await page.context().close();
  });

  it('quick exit by the Exit button in the chat', async () => {
    const page = await demoPage();
    const { chat, conversation } = await openChat(page);
    expect(await conversationStatus(t.url, conversation)).toBe(200);
    await expectQuickExit(page, () => chat.getByRole('button', { name: 'Exit this page' }).click(), conversation);
  });

  it('quick exit by Shift three times while typing in the chat', async () => {
    const page = await demoPage();
    const { chat, conversation } = await openChat(page);
    await messageBox(chat).click();
    await expectQuickExit(page, async () => {
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    }, conversation);
  });

  it('quick exit by Shift three times on the council page with the chat open (the chat ends as its frame goes)', async () => {
    const page = await demoPage();
    const { conversation } = await openChat(page);
    await page.locator('h1').click(); // focus back on the host page
    expect(page.frames()).toHaveLength(2);
    await expectQuickExit(page, async () => {
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    }, conversation);
  });

  it('quick exit by the Exit this page button beside the launcher, with the chat closed', async () => {
    const page = await demoPage();
    await expectQuickExit(page, () => page.getByRole('button', { name: 'Exit this page' }).click());
  });

  it('quick exit from the chat page opened on its own: the transcript goes first, then the page', async () => {
    const page = await (await laptopContext(browser)).newPage();
    // First with the exit site unreachable, so that the page stays to be looked at after it tried to leave.
    await page.route(exitUrl, (route) => route.abort());
    const conversation = await conversationStartedBy(page, () => page.goto(`${t.url}/chat`));
    await waitForText(page, WELCOME);
    const leaving = page.waitForRequest(exitUrl);
    await page.getByRole('button', { name: 'Exit this page' }).click();
    await leaving;
    expect(await page.locator('.cs-webchat-root').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(WELCOME);
    await expectConversationEnded(t.url, conversation);

    await page.unroute(exitUrl);
    await conversationStartedBy(page, () => page.goto(`${t.url}/chat`));
    await waitForText(page, WELCOME);
    const historyLength = await page.evaluate('history.length');
    await page.getByRole('button', { name: 'Exit this page' }).click();
    await page.waitForURL(exitUrl);
    expect(await page.evaluate('history.length')).toBe(historyLength);
    await page.context().close();
  });

  it('does not exit on capital letters or on Shift presses broken by another key', async () => {
    const page = await demoPage();
    const { chat } = await openChat(page);
    const exitVisits = exitSite.visits.length;
    await messageBox(chat).click();
    for (const key of ['KeyW', 'KeyH', 'KeyA']) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      await page.keyboard.up('Shift');
    }
    await page.keyboard.type('t are the signs of county lines');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Enter');
    // The bot's answer took a round trip to the server: an exit would have replaced the page long before.
    await waitForText(chat, /No single sign proves/);
    expect(await messageBox(chat).inputValue()).toBe('');
    expect(page.url()).toBe(`${t.url}/`);
    expect(exitSite.visits.length).toBe(exitVisits);
    await chat.getByText('WHAt are the signs of county lines').first().waitFor(); // what was typed, as typed
    // ... and three Shift presses on their own now do exit: the count was not stuck.
    await expectQuickExit(page, async () => {
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
    });
    expect(exitSite.visits.length).toBe(exitVisits + 1);
  });
});
