import type { Browser } from 'playwright-core';
import { laptopContext, launchChromium, watchForScript } from '../helpers/browser';
import type { RunningApp } from '../helpers/testApp';
import {
  cleanRecord,
  conversationStartedBy,
  conversationStatus,
  expectConversationEnded,
  frameRecord,
  openChat,
  recordRequests,
  say,
  SLOW,
  startChatApp,
  waitForText,
  watchStorageAndCsp,
  WELCOME,
} from './chatBrowser';
import { startSideServer, type SideServer } from './sideServer';

jest.setTimeout(120_000);

/** The chat as a visitor uses it, in Debian's Chromium against the real app and its built-in Direct Line. */
describe('web chat in a browser', () => {
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

  it('opens from the demo page, welcomes, answers a question and starts a report: only our origin, nothing stored, no CSP violation', async () => {
    const context = await laptopContext(browser);
    await watchStorageAndCsp(context);
    const page = await context.newPage();
    const requests = recordRequests(page);
    const seen = watchForScript(page);
    await page.goto(`${t.url}/`);

    const { chat, conversation } = await openChat(page);
    await say(chat, 'what are the signs of county lines');
    await waitForText(chat, /No single sign proves/);
    await say(chat, 'Report a concern');
    await waitForText(chat, /Here.s how a report works/);
    await chat.getByRole('button', { name: 'Start a report' }).first().waitFor({ timeout: SLOW });
    expect(await conversationStatus(t.url, conversation)).toBe(200);

    // (c) Every request of the whole chat, in the page and in the chat's frame, went to our origin.
    expect(requests.length).toBeGreaterThan(8);
    expect([...new Set(requests.map((url) => new URL(url).origin))]).toEqual([t.url]);
    expect(requests.some((url) => url.includes('/v3/directline/conversations/'))).toBe(true);

    // (d) Nothing stored by anyone (our code or Web Chat), in the page or the chat's frame; no CSP violation.
    const frames = page.frames();
    expect(frames.map((f) => new URL(f.url()).pathname)).toEqual(['/', '/chat']);
    for (const frame of frames) expect(await frameRecord(frame)).toEqual(cleanRecord(frame.url()));
    expect(await context.cookies()).toEqual([]);
    expect((await context.storageState({ indexedDB: true })).origins).toEqual([]);
    expect(seen.cspErrors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await context.close();
  });

  it('keeps nothing in the chat origin as a top-level page either, before or after a chat', async () => {
    const context = await laptopContext(browser);
    await watchStorageAndCsp(context);
    const page = await context.newPage();
    const seen = watchForScript(page);
    await conversationStartedBy(page, () => page.goto(`${t.url}/chat`));
    await waitForText(page, WELCOME);
    await say(page, 'is this chat private');
    await waitForText(page, /nobody watches chats live/);
    expect(await frameRecord(page.mainFrame())).toEqual(cleanRecord(page.url()));
    await page.reload();
    await waitForText(page, WELCOME);
    expect(await frameRecord(page.mainFrame())).toEqual(cleanRecord(page.url()));
    expect(await context.cookies()).toEqual([]);
    expect(seen.cspErrors).toEqual([]);
    await context.close();
  });
});

describe('web chat over the WebSocket stream', () => {
  let t: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startChatApp({ DIRECTLINE_WEBSOCKET: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('streams replies over ws:// on our origin within the CSP, and Close ends the conversation and clears the page', async () => {
    const context = await laptopContext(browser);
    await watchStorageAndCsp(context);
    const page = await context.newPage();
    const requests = recordRequests(page);
    const seen = watchForScript(page);
    const conversation = await conversationStartedBy(page, () => page.goto(`${t.url}/chat`));
    await waitForText(page, WELCOME);
    await say(page, 'what are the signs of county lines');
    await waitForText(page, /No single sign proves/);
    const host = new URL(t.url).host;
    expect(requests.filter((url) => url.startsWith('ws:'))).toEqual([expect.stringMatching(new RegExp(`^ws://${host}/v3/directline/conversations/${conversation.conversationId}/stream`))]);

    await page.getByRole('button', { name: 'Close chat' }).click();
    await expectConversationEnded(t.url, conversation);
    await page.getByText('This chat has ended and has been cleared from this page.').waitFor();
    expect(await page.locator('.webchat__basic-transcript, .cs-webchat-root').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/No single sign|Hi\. I.m Clearsight/);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Start a new chat');

    const fresh = await conversationStartedBy(page, () => page.getByRole('button', { name: 'Start a new chat' }).click());
    expect(fresh.conversationId).not.toBe(conversation.conversationId);
    await waitForText(page, WELCOME);
    expect(await page.locator('body').innerText()).not.toContain('No single sign');
    expect(seen.cspErrors).toEqual([]);
    expect(await frameRecord(page.mainFrame())).toEqual(cleanRecord(page.url()));
    await context.close();
  });
});

describe('web chat with Azure Direct Line configured', () => {
  let azure: SideServer;
  let t: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    azure = await startSideServer({}); // a stand-in for Azure that refuses to give tokens
    t = await startChatApp({ DIRECTLINE_SECRET: 'test-secret', DIRECTLINE_ENDPOINT: `${azure.origin}/v3/directline` });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await azure?.close();
  });

  it('says calmly that the chat is not working, with 999, when no token can be had; Try again asks again', async () => {
    const context = await laptopContext(browser);
    const page = await context.newPage();
    const seen = watchForScript(page);
    const tokenAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/directline/token', { timeout: SLOW });
    await page.goto(`${t.url}/chat`);
    expect((await tokenAnswer).status()).toBe(502);
    const status = page.getByRole('status').filter({ hasText: 'not working' });
    await status.waitFor({ timeout: SLOW });
    expect(await status.innerText()).toBe(
      'Sorry, the chat is not working just now. Please try again in a few minutes. If someone is in danger right now, ring 999.',
    );
    expect(azure.visits).toContain('/v3/directline/tokens/generate');
    const again = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/directline/token', { timeout: SLOW });
    await page.getByRole('button', { name: 'Try again' }).click();
    expect((await again).status()).toBe(502);
    await status.waitFor();
    expect(await page.getByRole('button', { name: 'Exit this page' }).isVisible()).toBe(true);
    expect(seen.cspErrors).toEqual([]);
    await context.close();
  });
});
