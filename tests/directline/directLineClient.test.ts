import { ConnectionStatus, DirectLineClient } from '../helpers/directLineClient';
import { safety } from '../helpers/transcript';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/**
 * The official Direct Line client (botframework-directlinejs, the one inside Web Chat) against the built-in
 * Direct Line of the real running service, on the embedded default.
 */
describe('built-in Direct Line with the official client', () => {
  let t: RunningApp;
  let clockMs = Date.now();
  const clients: DirectLineClient[] = [];
  const client = (options = {}) => {
    const c = new DirectLineClient(t.url, options);
    clients.push(c);
    return c;
  };
  const isWelcome = (a: { from: { role?: string }; text?: string }) => a.from.role === 'bot' && /^Hi\. I'm Clearsight/.test(a.text ?? '');

  beforeAll(async () => {
    t = await startTestApp({ DIRECTLINE_TOKEN_MINUTES: '30' }, { now: () => new Date(clockMs) });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.end();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('starts a conversation with a random user id and a short-lived token, and shows the welcome', async () => {
    const c = client();
    const welcome = await c.waitFor(isWelcome, 'the welcome');
    expect(c.statuses).toContain(ConnectionStatus.Online);
    expect(c.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(c.token).toContain(c.conversationId);
    // The user id is the server's, random per conversation: the bot addressed its welcome to it.
    expect(welcome.recipient?.id).toMatch(/^dl_[A-Za-z0-9_-]{16}$/);
    const other = client();
    const otherWelcome = await other.waitFor(isWelcome, 'the second welcome');
    expect(other.conversationId).not.toBe(c.conversationId);
    expect(otherWelcome.recipient?.id).not.toBe(welcome.recipient?.id);
  });

  it('echoes a sent message with its id and clientActivityID, then delivers the bot\u2019s answer to it', async () => {
    const c = client();
    const welcome = await c.waitFor(isWelcome, 'the welcome');
    const id = await c.say('what are the signs of county lines', 'web-chat-1');
    const echo = await c.waitFor((a) => a.id === id, 'the echo');
    expect(echo.from.role).toBe('user');
    expect(echo.from.id).toBe(welcome.recipient?.id); // the server's id, not the one the client made up
    expect(echo.channelData).toEqual(expect.objectContaining({ clientActivityID: 'web-chat-1' }));
    const answer = await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === id, 'the answer');
    expect((answer as { text?: string }).text).toMatch(/sign/i);
    // Ids are in order, so the echo comes before the answer.
    expect(c.received.indexOf(echo)).toBeLessThan(c.received.indexOf(answer));
  });

  it('answers a question about privacy with how to browse safely and leave fast (the promise the page keeps)', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    const id = await c.say('is this chat private? will this show in my history');
    const answer = await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === id && /private browsing/i.test(a.text ?? ''), 'the privacy answer');
    expect(answer.text).toMatch(/clear your history/i);
    expect(answer.text).toMatch(/Exit button or press Shift three times/);
  });

  it('runs the danger check first on web chat too, even in the middle of a report', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    const report = await c.say('Report a concern');
    await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === report, 'the report intro');
    const id = await c.say('they have a knife and are going to stab him right now');
    const first = await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === id, 'the first answer');
    expect(first.text).toBe(safety.rules.replies.danger.text);
  });

  it('resumes from a watermark: a new client with the conversation, token and watermark gets only what came after', async () => {
    const first = client();
    await first.waitFor(isWelcome, 'the welcome');
    const before = first.received.length;
    await first.waitFor(() => first.watermark !== '' && first.received.length === before, 'a settled watermark');
    const watermark = first.watermark;
    const { conversationId, token } = first;
    first.end();

    const resumed = client({ conversationId, token, watermark });
    const id = await resumed.say('who do I ring');
    await resumed.waitFor((a) => a.from.role === 'bot' && a.replyToId === id, 'the answer after resuming');
    expect(resumed.conversationId).toBe(conversationId);
    expect(resumed.received.some(isWelcome)).toBe(false);
    expect(resumed.received.map((a) => a.id).every((aid) => Number(aid?.split('|')[1]) > Number(watermark))).toBe(true);
  });

  it('refreshes its token with the library\u2019s own call; the new token keeps working after the old one expires', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    const oldToken = c.token;
    clockMs += 16 * 60_000; // the library refreshes every 15 minutes
    const newToken = await c.refreshToken();
    expect(newToken).not.toBe(oldToken);
    c.line.reconnect({ conversationId: c.conversationId, token: newToken });
    clockMs += 20 * 60_000; // the old token (30 minutes) has now expired; the new one has not
    const old = await fetch(`${t.url}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${oldToken}` } });
    expect(old.status).toBe(403);
    const id = await c.say('what is county lines');
    await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === id, 'an answer with the new token');
  });

  it('reports an expired token as ExpiredToken and refuses to send with it', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    clockMs += 31 * 60_000;
    await c.waitForStatus(ConnectionStatus.ExpiredToken);
    // The library answers "retry" (Web Chat then waits for a new token); nothing reached the conversation.
    const before = c.received.length;
    await expect(c.say('hello')).resolves.toBe('retry');
    expect(c.received.length).toBe(before);
    const refresh = await fetch(`${t.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${c.token}` } });
    expect(refresh.status).toBe(403);
  });

  it('ends the conversation for the client once it is closed: the next poll gets 404 and the status is Ended', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    const { conversationId, token } = c;
    const closed = await fetch(`${t.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'endOfConversation', from: { id: 'user', role: 'user' } }),
    });
    expect(closed.status).toBe(200);
    await c.waitForStatus(ConnectionStatus.Ended);
    expect(await t.app.directLine?.store.touch(conversationId)).toBeUndefined();
  });

  it('treats an unknown conversation as ended (404), and refuses a token used for another conversation (403)', async () => {
    const a = client();
    await a.waitFor(isWelcome, 'the welcome');
    const b = client();
    await b.waitFor(isWelcome, 'the second welcome');
    // A's token does not open B's conversation.
    const crossed = await fetch(`${t.url}/v3/directline/conversations/${b.conversationId}/activities`, { headers: { Authorization: `Bearer ${a.token}` } });
    expect(crossed.status).toBe(403);
    // A conversation the server no longer has: the client is told it has ended.
    const { conversationId, token } = a;
    a.end();
    await t.app.directLine?.service.end(conversationId);
    const stale = client({ conversationId, token });
    await stale.waitForStatus(ConnectionStatus.FailedToConnect);
    expect(stale.errors).toEqual(['ajax error 404']); // the reconnect call was answered 404: no such conversation
    const poll = await fetch(`${t.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
    expect(poll.status).toBe(404);
  });
});
