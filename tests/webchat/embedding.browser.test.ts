import type { Browser } from 'playwright-core';
import { laptopContext, launchChromium, watchForScript } from '../helpers/browser';
import { freePort } from '../helpers/freePort';
import type { RunningApp } from '../helpers/testApp';
import {
  cleanRecord,
  coloursOf,
  expectConversationEnded,
  frameRecord,
  messageBox,
  openChat,
  recordRequests,
  say,
  SLOW,
  startChatApp,
  waitForText,
  watchStorageAndCsp,
} from './chatBrowser';
import { councilPage, EXIT_PAGE, startSideServer, type SideServer } from './sideServer';

jest.setTimeout(120_000);

const TITLE = 'Worried about a child?';

/** The one-line embed on a council site of another origin (another port), as councils will use it. */
describe('the chat embedded in another site', () => {
  let t: RunningApp;
  let council: SideServer;
  let stranger: SideServer;
  let exitSite: SideServer;
  let exitUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    const councilPort = await freePort();
    exitSite = await startSideServer({ '/away': EXIT_PAGE });
    exitUrl = `${exitSite.origin}/away`;
    t = await startChatApp({ WEBCHAT_EMBED_ORIGINS: `http://127.0.0.1:${councilPort}`, WEBCHAT_EXIT_URL: exitUrl });
    council = await startSideServer(
      { '/': councilPage(t.url), '/poor-colours': councilPage(t.url, { colour: '#ffdd00', text: '#ffffff' }) },
      councilPort,
    );
    stranger = await startSideServer({ '/': councilPage(t.url) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await Promise.all([council, stranger, exitSite].map((s) => s?.close()));
  });

  it('works on a listed site: its title, colours and side; only the two origins contacted; nothing stored; Shift×3 exits', async () => {
    const context = await laptopContext(browser);
    await watchStorageAndCsp(context);
    const page = await context.newPage();
    const requests = recordRequests(page);
    const seen = watchForScript(page);
    await page.goto(`${council.origin}/`);
    const launcher = page.getByRole('button', { name: TITLE });
    expect(await coloursOf(launcher)).toEqual(['rgb(0, 112, 60)', 'rgb(255, 255, 255)']);
    // data-position="left": the buttons sit in the bottom left corner.
    const [exitBox, launcherBox] = [await page.getByRole('button', { name: 'Exit this page' }).boundingBox(), await launcher.boundingBox()];
    expect(exitBox?.x).toBe(16);
    expect((launcherBox?.x ?? 0) + (launcherBox?.width ?? 0)).toBeLessThan(1366 / 2);
    expect(await page.evaluate('typeof watchForShiftThreeTimes')).toBe('undefined'); // nothing added to the site's globals

    const { chat, conversation } = await openChat(page, TITLE);
    expect(await coloursOf(chat.locator('.cs-header'))).toEqual(['rgb(0, 112, 60)', 'rgb(255, 255, 255)']);
    await say(chat, 'is this chat private');
    await waitForText(chat, /nobody watches chats live/);

    expect(page.frames().map((f) => new URL(f.url()).origin)).toEqual([council.origin, t.url]);
    for (const frame of page.frames()) expect(await frameRecord(frame)).toEqual(cleanRecord(frame.url()));
    expect(await context.cookies()).toEqual([]);
    expect([...new Set(requests.map((url) => new URL(url).origin))].sort()).toEqual([council.origin, t.url].sort());
    expect(seen.cspErrors).toEqual([]);

    // The site's own messages (not from our frame, not from our origin) cannot make the embed close or leave.
    await page.evaluate(`window.postMessage({ type: 'clearsight:exit' }, '*'); window.postMessage({ type: 'clearsight:close' }, '*');`);
    await say(chat, 'what are the signs of county lines');
    await waitForText(chat, /No single sign proves/); // a round trip: the forged messages were handled long ago
    expect(page.url()).toBe(`${council.origin}/`);
    expect(page.frames()).toHaveLength(2);

    await messageBox(chat).click();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    await page.waitForURL(exitUrl);
    await expectConversationEnded(t.url, conversation);
    await context.close();
  });

  it('falls back to the default colours when the site gives a pair below 4.5:1', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await page.goto(`${council.origin}/poor-colours`);
    const launcher = page.getByRole('button', { name: TITLE });
    expect(await coloursOf(launcher)).toEqual(['rgb(29, 112, 184)', 'rgb(255, 255, 255)']);
    await launcher.click();
    const src = await page.locator('iframe').getAttribute('src');
    expect(new URL(src ?? '').searchParams.get('colour')).toBe('#1d70b8');
    await page.context().close();
  });

  it('cannot be framed by a site that is not listed (frame-ancestors)', async () => {
    const page = await (await laptopContext(browser)).newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: SLOW });
    await page.goto(`${stranger.origin}/`);
    await page.getByRole('button', { name: TITLE }).click();
    expect((await refused).text()).toContain(`frame-ancestors 'self' ${council.origin}`);
    await page.locator('iframe').waitFor();
    expect(await page.frameLocator('iframe').locator('#clearsight-chat').count()).toBe(0);
    expect(page.frames()[1]?.url()).not.toContain('/chat');
    await page.context().close();
  });
});
