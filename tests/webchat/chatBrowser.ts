import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/** The title the demo page gives the chat (its launcher's name and the iframe's title). */
export const DEMO_TITLE = 'Clearsight chat';
/** The start of the bot's welcome (content/shell.yaml); Web Chat's markdown curls the apostrophe. */
export const WELCOME = /Hi\. I.m Clearsight/;
/** Generous: a busy 2-core machine parses Web Chat's 3.9 MB bundle slowly. */
export const SLOW = 30_000;

/** The real app with room for the many chats a browser suite starts from one address. */
export function startChatApp(env: Record<string, string> = {}): Promise<RunningApp> {
  return startTestApp({ DIRECTLINE_STARTS_PER_CLIENT: '1000', DIRECTLINE_POSTS_PER_MINUTE: '1000', ...env });
}

/** What POST /v3/directline/conversations answered: enough to ask the server about the conversation later. */
export interface Conversation {
  conversationId: string;
  token: string;
}

function isConversationStart(url: string, method: string): boolean {
  return method === 'POST' && new URL(url).pathname === '/v3/directline/conversations';
}

/** Runs `action` (which opens a chat) and returns the conversation the chat page started. */
export async function conversationStartedBy(page: Page, action: () => Promise<unknown>): Promise<Conversation> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isConversationStart(r.url(), r.request().method()), { timeout: SLOW }),
    action(),
  ]);
  expect(response.status()).toBe(201);
  return (await response.json()) as Conversation;
}

/** Opens the chat with the launcher named `title` and waits for the welcome. */
export async function openChat(page: Page, title = DEMO_TITLE): Promise<{ chat: FrameLocator; conversation: Conversation }> {
  const conversation = await conversationStartedBy(page, () => page.getByRole('button', { name: title }).click());
  const chat = page.frameLocator(`iframe[title="${title}"]`);
  await chat.getByText(WELCOME).first().waitFor({ timeout: SLOW });
  return { chat, conversation };
}

/** The chat's message box (Web Chat labels it "Message input box"). */
export function messageBox(chat: FrameLocator | Page): ReturnType<Page['getByRole']> {
  return chat.getByRole('textbox', { name: 'Message input box' });
}

/** Types a message into the chat and sends it with Enter. */
export async function say(chat: FrameLocator | Page, text: string): Promise<void> {
  await messageBox(chat).fill(text);
  await messageBox(chat).press('Enter');
}

/** Waits until the bot's text matching `pattern` is in the chat. */
export async function waitForText(chat: FrameLocator | Page, pattern: RegExp): Promise<void> {
  await chat.getByText(pattern).first().waitFor({ timeout: SLOW });
}

/** GET the conversation's activities as the browser would; 200 while it lives, 404 once ended. */
export async function conversationStatus(appUrl: string, c: Conversation): Promise<number> {
  const res = await fetch(`${appUrl}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${c.token}` } });
  await res.arrayBuffer();
  return res.status;
}

/** The page ends the conversation fire-and-forget: ask the server until it says 404 (or give up after 15 s). */
export async function expectConversationEnded(appUrl: string, c: Conversation): Promise<void> {
  const deadline = Date.now() + 15_000;
  let status = await conversationStatus(appUrl, c);
  while (status !== 404 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await conversationStatus(appUrl, c);
  }
  expect(status).toBe(404);
}

/**
 * Installed in every frame before any of its scripts: records every attempt to store something in the
 * browser (Web Storage, cookies, IndexedDB, Cache Storage) and every CSP violation.
 */
const WATCH_SCRIPT = `(() => {
  const writes = [];
  const violations = [];
  Object.defineProperty(window, '__clearsightWatch', { value: { writes, violations } });
  const wrap = (proto, name, label) => {
    const original = proto[name];
    proto[name] = function (...args) { writes.push(label + ' ' + String(args[0])); return original.apply(this, args); };
  };
  wrap(Storage.prototype, 'setItem', 'Storage.setItem');
  wrap(IDBFactory.prototype, 'open', 'indexedDB.open');
  if (window.CacheStorage) wrap(CacheStorage.prototype, 'open', 'caches.open');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(value) { writes.push('document.cookie'); cookie.set.call(this, value); },
  });
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
})();`;

export async function watchStorageAndCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: WATCH_SCRIPT });
}

export interface FrameRecord {
  url: string;
  writes: string[];
  violations: string[];
  localStorage: number;
  sessionStorage: number;
  cookie: string;
  indexedDB: string[];
  caches: string[];
}

/** What a frame stored and which CSP violations it saw (read from the page itself). */
export function frameRecord(frame: Frame): Promise<FrameRecord> {
  return frame.evaluate(`(async () => ({
    url: location.href,
    writes: window.__clearsightWatch.writes.slice(),
    violations: window.__clearsightWatch.violations.slice(),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }))()`);
}

/** A frame record with nothing stored and no violation. */
export function cleanRecord(url: string): FrameRecord {
  return { url, writes: [], violations: [], localStorage: 0, sessionStorage: 0, cookie: '', indexedDB: [], caches: [] };
}

/** Every request and WebSocket a page (and its frames) makes, as URLs. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  return urls;
}

/** The element that has focus, looking inside our embed's shadow root: "tag: text or label". */
export function focusedInPage(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.tagName.toLowerCase() + ': ' + (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent.trim()) : '';
  })()`);
}

/** Whether the page can scroll sideways (content wider than the window). */
export function scrollsSideways(target: Page | Frame): Promise<boolean> {
  return target.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

/**
 * Holds the browser's navigation to `url` until released, so that a test can look at the page it is leaving
 * (which stays live until the new page arrives).
 */
export async function holdNavigation(page: Page, url: string): Promise<{ requested: Promise<void>; release(): Promise<void> }> {
  let release: () => Promise<void> = () => Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const requested = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no navigation to ${url} within ${SLOW} ms`)), SLOW);
    void page.route(url, (route) => {
      clearTimeout(timer);
      release = () => route.continue();
      resolve();
    });
  });
  return { requested, release: () => release() };
}

/** Waits (polling, up to SLOW) until `check` holds; fails naming `what` if it never does. */
export async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + SLOW;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The element's computed [background colour, text colour], as rgb() strings. */
export function coloursOf(locator: Locator): Promise<[string, string]> {
  return locator.evaluate((el) => {
    const view = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; color: string } };
    const style = view.getComputedStyle(el);
    return [style.backgroundColor, style.color] as [string, string];
  });
}
