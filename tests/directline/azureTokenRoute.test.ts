import { createServer, type Server } from 'node:http';
import { startTestApp, type RunningApp } from '../helpers/testApp';

const SECRET = 'directline-secret-that-must-never-leave-the-server';

/** A stand-in for Azure's Direct Line tokens/generate, speaking its wire format. */
async function fakeAzureDirectLine() {
  const seen: Array<{ authorization: string | undefined; body: string }> = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
        res.writeHead(404); // (restify patches writeHead so that it no longer chains)
        res.end();
        return;
      }
      seen.push({ authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
      const ok = req.headers.authorization === `Bearer ${SECRET}`;
      const status = ok ? answer.status : 403;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? answer.body : { error: { code: 'BadArgument' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}/v3/directline`,
    seen,
    answerWith: (status: number, body: unknown) => (answer = { status, body }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Azure Direct Line mode (DIRECTLINE_SECRET set)', () => {
  let azure: Awaited<ReturnType<typeof fakeAzureDirectLine>>;
  let t: RunningApp;
  const token = () => fetch(`${t.url}/api/directline/token`, { method: 'POST' });

  beforeAll(async () => {
    azure = await fakeAzureDirectLine();
    t = await startTestApp({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_ENDPOINT: azure.endpoint, DIRECTLINE_STARTS_PER_CLIENT: '4' });
  });
  afterAll(async () => {
    await t.stop();
    await azure.close();
  });

  it('swaps the secret for a short-lived token; the browser sees the token and never the secret', async () => {
    azure.answerWith(200, { conversationId: 'AzureConv-1', token: 'azure-token-1', expires_in: 3600, streamUrl: 'wss://example/stream' });
    const res = await token();
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ conversationId: 'AzureConv-1', token: 'azure-token-1', expires_in: 3600 });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(text + JSON.stringify([...res.headers])).not.toContain(SECRET);
    expect(azure.seen.at(-1)?.authorization).toBe(`Bearer ${SECRET}`);
    // Each token is for a new random user: nothing ties two chats together.
    await token();
    const users = azure.seen.slice(-2).map((s) => (JSON.parse(s.body) as { user: { id: string } }).user.id);
    expect(users[0]).toMatch(/^dl_[A-Za-z0-9_-]{16}$/);
    expect(users[0]).not.toBe(users[1]);
  });

  it('answers 502 with a calm reason when Azure fails or answers nonsense, and logs neither the secret nor the token', async () => {
    azure.answerWith(500, { error: 'boom' });
    const failed = await token();
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as { reason: string }).reason).toMatch(/999/);
    azure.answerWith(200, { unexpected: true });
    expect((await token()).status).toBe(502);
    expect(t.logs.text).toContain('DIRECTLINE_TOKEN_FAILED');
    expect(t.logs.text).not.toContain(SECRET);
    expect(t.logs.text).not.toContain('azure-token-1');
  });

  it('limits how many tokens one client can get, and turns the built-in Direct Line off', async () => {
    expect((await token()).status).toBe(429);
    const builtIn = await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST' });
    expect(builtIn.status).toBe(404);
  });
});
