import WebSocket from 'ws';
import { DirectLineClient } from '../helpers/directLineClient';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/** The WebSocket stream (DIRECTLINE_WEBSOCKET=true), with the official client in WebSocket mode. */
describe('built-in Direct Line WebSocket stream', () => {
  let t: RunningApp;
  const clients: DirectLineClient[] = [];
  const isWelcome = (a: { from: { role?: string }; text?: string }) => a.from.role === 'bot' && /^Hi\. I'm Clearsight/.test(a.text ?? '');
  // random: 0 makes the library's reconnect delay its shortest (3 s) instead of up to 15 s.
  const client = () => {
    const c = new DirectLineClient(t.url, { webSocket: true, random: () => 0 } as object);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp({ DIRECTLINE_WEBSOCKET: 'true' });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.end();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gives a streamUrl on the same host, and pushes the welcome, the echo and the answer over it', async () => {
    const start = await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST' });
    const grant = (await start.json()) as { streamUrl?: string; conversationId: string };
    expect(grant.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${grant.conversationId}/stream\\?t=`));

    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    const id = await c.say('what are the signs of county lines', 'ws-1');
    const echo = await c.waitFor((a) => a.id === id, 'the echo');
    expect(echo.channelData).toEqual(expect.objectContaining({ clientActivityID: 'ws-1' }));
    await c.waitFor((a) => a.from.role === 'bot' && a.replyToId === id, 'the answer');
  });

  it('closes the stream when the conversation ends, and the client learns it has ended', async () => {
    const c = client();
    await c.waitFor(isWelcome, 'the welcome');
    await t.app.directLine?.service.end(c.conversationId);
    const deadline = Date.now() + 15_000;
    while (!c.errors.includes('conversation ended') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(c.errors).toContain('conversation ended');
  }, 25_000);

  it('refuses a stream with a bad token (closed with 1008) and unknown paths (404), and takes only keep-alives', async () => {
    const start = await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST' });
    const grant = (await start.json()) as { streamUrl: string; conversationId: string };
    const closeOf = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

    const forged = new WebSocket(grant.streamUrl.replace(/t=[^&]+/, 't=not-a-token'));
    expect(await closeOf(forged)).toBe(1008);

    const wrongPath = new WebSocket(grant.streamUrl.replace('/stream', '/elsewhere'));
    wrongPath.on('error', () => undefined); // the refused handshake is what this checks
    const refused = await new Promise<number>((resolve) => wrongPath.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(404);

    const ws = new WebSocket(grant.streamUrl);
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    await new Promise((resolve) => ws.on('open', resolve));
    const backlogArrived = Date.now() + 5000;
    while (frames.length === 0 && Date.now() < backlogArrived) await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse(frames[0] ?? '{}')).toEqual(expect.objectContaining({ watermark: expect.any(String), activities: expect.any(Array) }));
    ws.send(''); // a keep-alive is fine
    ws.send('{"type":"message","text":"not over the stream"}');
    expect(await closeOf(ws)).toBe(1003);
  });
});
