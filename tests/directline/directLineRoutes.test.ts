import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { startTestApp, type RunningApp } from '../helpers/testApp';

interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

/** The built-in Direct Line over plain HTTP: what it refuses, how fast it lets one client go, what it keeps. */
describe('built-in Direct Line endpoints', () => {
  let t: RunningApp;
  let clockMs = Date.now();
  const prefix = uniquePrefix();
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;

  const start = async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}/v3/directline/conversations`, { method: 'POST', headers });
    return { res, grant: res.status === 201 ? ((await res.json()) as Grant) : undefined };
  };
  const started = async () => {
    const { grant } = await start();
    if (!grant) throw new Error('could not start a conversation');
    return grant;
  };
  const post = (grant: Grant, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${grant.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const poll = async (grant: Grant, watermark = '') => {
    const res = await fetch(`${t.url}/v3/directline/conversations/${grant.conversationId}/activities?watermark=${watermark}`, {
      headers: { Authorization: `Bearer ${grant.token}` },
    });
    return { res, body: res.status === 200 ? ((await res.json()) as { activities: Array<Record<string, unknown>>; watermark: string }) : undefined };
  };
  const stateKey = (conversationId: string) => `${prefix}state:directline/conversations/${conversationId}/`;

  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await startTestApp(
      { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DIRECTLINE_STARTS_PER_CLIENT: '40', DIRECTLINE_POSTS_PER_MINUTE: '8', DIRECTLINE_IDLE_MINUTES: '20', DIRECTLINE_PENDING_KB_PER_CHAT: '32' },
      { now: () => new Date(clockMs) },
    );
  });
  afterAll(async () => {
    await t.stop();
    await redis.clean(prefix);
    await redis.close();
  });

  it('answers a start with 201, a token and its lifetime, and no streamUrl while the WebSocket is off', async () => {
    const { res, grant } = await start({ 'content-type': 'application/json' });
    expect(res.status).toBe(201);
    expect(grant).toEqual({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), token: expect.any(String), expires_in: 1800 });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses malformed and unexpected input with a 4xx and a reason, and keeps the conversation working', async () => {
    const grant = await started();
    const cases: Array<[unknown, number, RegExp]> = [
      ['{not json', 400, /not valid JSON/],
      ['', 400, /empty/],
      [{ text: 'no type' }, 400, /type/],
      [{ type: 'invoke', name: 'x' }, 400, /type must be one of/],
      [{ type: 'message', text: 'x'.repeat(4001) }, 400, /longer than 4000/],
      [{ type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'data:,' }] }, 400, /attachments/],
      [{ type: 'message', text: 'hi', locale: '<script>' }, 400, /locale/],
      [[1, 2, 3], 400, /./],
    ];
    for (const [body, status, reason] of cases) {
      const res = await post(grant, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { reason: string }).reason).toMatch(reason);
    }
    const huge = await post(grant, JSON.stringify({ type: 'message', text: 'x', value: 'y'.repeat(40_000) }));
    expect(huge.status).toBe(413);
    expect((await poll(grant, 'abc')).res.status).toBe(400);
    const noToken = await fetch(`${t.url}/v3/directline/conversations/${grant.conversationId}/activities`);
    expect(noToken.status).toBe(401);
    const forged = await fetch(`${t.url}/v3/directline/conversations/${grant.conversationId}/activities`, { headers: { Authorization: `Bearer ${grant.token.slice(0, -2)}xx` } });
    expect(forged.status).toBe(403);
    const badId = await fetch(`${t.url}/v3/directline/conversations/..%2F..%2Fetc/activities`, { headers: { Authorization: `Bearer ${grant.token}` } });
    expect(badId.status).toBe(404);
    // Nothing was lost: the conversation still works.
    const ok = await post(grant, { type: 'message', text: 'what are the signs' });
    expect(ok.status).toBe(200);
  });

  it('takes a value on events only, at most 4 KB and 16 levels deep, and bodies of at most 16 KB', async () => {
    const grant = await started();
    const nested = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    const cases: Array<[unknown, number, RegExp]> = [
      [{ type: 'message', text: 'hi', value: { a: 1 } }, 400, /value is accepted on events only/],
      [`{"type":"event","name":"x","value":${nested(6000)}}`, 400, /deeper than 16 levels/],
      [`{"type":"event","name":"x","value":${nested(17)}}`, 400, /deeper than 16 levels/],
      [{ type: 'event', name: 'x', value: { blob: 'z'.repeat(4100) } }, 400, /larger than 4096 bytes/],
      [{ type: 'message', text: 'x'.repeat(4000), channelData: { clientActivityID: 'y'.repeat(128) }, name: 'n'.repeat(64), pad: 'p'.repeat(13_000) }, 413, /larger than 16384 bytes/],
    ];
    for (const [body, status, reason] of cases) {
      const res = await post(grant, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { reason: string }).reason).toMatch(reason);
    }
    expect((await post(grant, `{"type":"event","name":"x","value":${nested(16)}}`)).status).toBe(200);
    expect((await post(grant, { type: 'event', name: 'x', value: { blob: 'z'.repeat(4000) } })).status).toBe(200);
    // The longest text in the widest characters (4,000 UTF-16 units of three bytes each: 12,000 bytes) fits.
    expect((await post(grant, { type: 'message', text: '\u20AC'.repeat(4000) })).status).toBe(200);
  });

  it('refuses posts while a chat has 32 KB it has not collected (429), and takes them again once it polls', async () => {
    const grant = await started();
    const event = { type: 'event', name: 'x', value: { blob: 'z'.repeat(4000) } };
    let refused: Response | undefined;
    for (let i = 0; i < 12 && !refused; i++) {
      const res = await post(grant, event);
      if (res.status !== 200) refused = res;
    }
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused!.json()) as { reason: string }).reason).toMatch(/not collected/);
    const { body } = await poll(grant);
    await poll(grant, body?.watermark ?? '');
    clockMs += 61_000; // past the per-minute posting limit too
    expect((await post(grant, event)).status).toBe(200);
    // Closing is never refused.
    for (let i = 0; i < 9; i++) await post(grant, event);
    expect((await post(grant, { type: 'endOfConversation' })).status).toBe(200);
  });

  it('sets who sent an activity itself, whatever the browser claims, and keeps only the fields it knows', async () => {
    const grant = await started();
    const first = await poll(grant);
    const userId = (first.body?.activities[0]?.recipient as { id: string }).id;
    const res = await post(grant, {
      type: 'message',
      text: 'hello',
      from: { id: 'admin', name: 'Pretend Name', role: 'bot' },
      conversation: { id: 'someone-elses' },
      serviceUrl: 'https://attacker.example',
      entities: [{ type: 'ClientCapabilities' }],
      channelData: { clientActivityID: 'c-1', somethingElse: 'dropped' },
    });
    const { id } = (await res.json()) as { id: string };
    const { body } = await poll(grant, first.body?.watermark);
    const echo = body?.activities.find((a) => a.id === id);
    expect(echo).toEqual(
      expect.objectContaining({ type: 'message', text: 'hello', from: { id: userId, role: 'user' }, conversation: { id: grant.conversationId } }),
    );
    expect(echo?.channelData).toEqual({ clientActivityID: 'c-1' });
    expect(JSON.stringify(echo)).not.toMatch(/attacker|Pretend Name|admin|ClientCapabilities/);
  });

  it('drops activities once the browser has collected them (a poll past them confirms they arrived)', async () => {
    const grant = await started();
    const first = await poll(grant);
    expect(first.body?.activities.length).toBeGreaterThan(0);
    const again = await poll(grant, '');
    expect(again.body?.activities.length).toBe(first.body?.activities.length); // not yet confirmed
    const confirmed = await poll(grant, first.body?.watermark);
    expect(confirmed.body?.activities).toEqual([]);
    const replay = await poll(grant, '');
    expect(replay.body?.activities).toEqual([]); // gone from the server
  });

  it('limits how fast one conversation can post: 429 with Retry-After past the limit', async () => {
    const grant = await started();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await post(grant, { type: 'message', text: `message ${i}` })).status);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await post(grant, { type: 'message', text: 'one more' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clockMs += 61_000;
    expect((await post(grant, { type: 'message', text: 'after a minute' })).status).toBe(200);
    // Closing the chat is never held back, even at the limit.
    for (let i = 0; i < 8; i += 1) await post(grant, { type: 'message', text: `again ${i}` });
    expect((await post(grant, { type: 'message', text: 'over' })).status).toBe(429);
    expect((await post(grant, { type: 'endOfConversation' })).status).toBe(200);
    expect((await poll(grant)).res.status).toBe(404);
  });

  it('limits how many conversations one client can start, per client address', async () => {
    // A fresh app with a small limit; every request here comes from 127.0.0.1.
    const small = await startTestApp({ DIRECTLINE_STARTS_PER_CLIENT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${small.url}/v3/directline/conversations`, { method: 'POST' })).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await small.stop();
    }
  });

  it('behind a trusted proxy, limits by the forwarded client address instead of the proxy\u2019s', async () => {
    const proxied = await startTestApp({ DIRECTLINE_STARTS_PER_CLIENT: '2', TRUSTED_PROXY_HOPS: '1' });
    try {
      const from = (ip: string) => fetch(`${proxied.url}/v3/directline/conversations`, { method: 'POST', headers: { 'x-forwarded-for': ip } });
      expect([(await from('203.0.113.1')).status, (await from('203.0.113.1')).status, (await from('203.0.113.1')).status]).toEqual([201, 201, 429]);
      // Another client behind the same proxy is not held back; a spoofed left-most entry does not help either.
      expect((await from('203.0.113.2')).status).toBe(201);
      expect((await from('198.51.100.9, 203.0.113.1')).status).toBe(429);
    } finally {
      await proxied.stop();
    }
  });

  it('closing the chat deletes the bot\u2019s state for it at once', async () => {
    const grant = await started();
    await post(grant, { type: 'message', text: 'Report a concern' });
    expect(await redis.client.exists(stateKey(grant.conversationId))).toBe(1);
    const closed = await post(grant, { type: 'endOfConversation', from: { id: 'user', role: 'user' } });
    expect(closed.status).toBe(200);
    expect(await redis.client.exists(stateKey(grant.conversationId))).toBe(0);
    expect((await poll(grant)).res.status).toBe(404);
  });

  it('ends conversations left idle, and the bot forgets them too', async () => {
    const grant = await started();
    const busy = await started();
    await post(grant, { type: 'message', text: 'what is county lines' });
    expect(await redis.client.exists(stateKey(grant.conversationId))).toBe(1);
    clockMs += 15 * 60_000;
    await poll(busy); // this one is still in use
    clockMs += 6 * 60_000;
    expect(await t.app.directLine?.service.endIdle()).toBeGreaterThanOrEqual(1);
    expect(await redis.client.exists(stateKey(grant.conversationId))).toBe(0);
    expect((await poll(grant)).res.status).toBe(404);
    expect((await poll(busy)).res.status).toBe(200);
  });

  it('logs no message text, no user id and no address', async () => {
    const grant = await started();
    await post(grant, { type: 'message', text: 'my son Tyler Marsh-Openshaw keeps going to Doncaster' }, { 'x-forwarded-for': '203.0.113.77' });
    const { body } = await poll(grant);
    const userId = (body?.activities[0]?.recipient as { id: string }).id;
    expect(t.logs.lines.length).toBeGreaterThan(5);
    expect(t.logs.text).not.toMatch(/Tyler|Marsh-Openshaw|Doncaster|203\.0\.113|127\.0\.0\.1/);
    expect(t.logs.text).not.toContain(userId);
    expect(t.logs.text).not.toContain(grant.token);
  });
});
