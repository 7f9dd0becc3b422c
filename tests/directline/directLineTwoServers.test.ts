import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { fromBot, pollChat, pollUntil, say, startChat } from '../helpers/directLineHttp';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/** Two servers on one Redis (same prefix and DIRECTLINE_TOKEN_SECRET): any of them answers any chat. */
describe('built-in Direct Line on two servers', () => {
  const prefix = uniquePrefix();
  const secret = randomBytes(32).toString('base64url');
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DIRECTLINE_TOKEN_SECRET: secret, DIRECTLINE_WEBSOCKET: 'true', DIRECTLINE_POSTS_PER_MINUTE: '12' };
  let a: RunningApp | undefined;
  let b: RunningApp | undefined;
  let redis: TestRedis;
  const urlOf = (app: RunningApp | undefined) => {
    if (!app) throw new Error('server not started');
    return app.url;
  };

  beforeAll(async () => {
    redis = await connectTestRedis();
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await redis.clean(prefix);
    await redis.close();
  });

  it('takes a post on B for a chat started on A, and A hands out the answer', async () => {
    const grant = await startChat(urlOf(a));
    const welcome = await pollUntil(urlOf(b), grant, fromBot);
    const posted = await say(urlOf(b), grant, 'what are the signs of county lines', 'on-b');
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const answer = await pollUntil(urlOf(a), grant, (x) => fromBot(x) && x.replyToId === id, welcome.watermark);
    expect(answer.activities[0]).toEqual(expect.objectContaining({ id, channelData: expect.objectContaining({ clientActivityID: 'on-b' }) }));
    // Ended on A: B says 404 too.
    await fetch(`${urlOf(a)}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'endOfConversation' }),
    });
    expect((await pollChat(urlOf(b), grant)).status).toBe(404);
  }, 60_000);

  it("pushes over A's WebSocket what the bot said to a post taken by B", async () => {
    const grant = await startChat(urlOf(a));
    if (!grant.streamUrl) throw new Error('no streamUrl');
    const ws = new WebSocket(grant.streamUrl);
    try {
      const seen: Array<Record<string, unknown>> = [];
      ws.on('message', (data) => seen.push(...(JSON.parse(String(data)) as { activities: Array<Record<string, unknown>> }).activities));
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const posted = await say(urlOf(b), grant, 'who do I ring', 'ws-on-b');
      const { id } = (await posted.json()) as { id: string };
      const deadline = Date.now() + 30_000;
      while (!seen.some((x) => fromBot(x) && x.replyToId === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(seen.some((x) => x.id === id)).toBe(true);
      expect(seen.some((x) => fromBot(x) && x.replyToId === id)).toBe(true);
    } finally {
      ws.terminate();
    }
  }, 60_000);

  it('counts a chat\'s posts across both servers (DIRECTLINE_POSTS_PER_MINUTE=12)', async () => {
    const grant = await startChat(urlOf(a));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await say(urlOf(i % 2 === 0 ? a : b), grant, 'help', `rate-${i}`)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await say(urlOf(b), grant, 'help', 'rate-13');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);

  it('runs a burst of messages to one chat, sent to both servers at once, one turn at a time', async () => {
    const grant = await startChat(urlOf(a));
    const welcome = await pollUntil(urlOf(a), grant, fromBot);
    const texts = ['what are the signs of county lines', 'who do I ring', 'what is cuckooing', 'help', 'what is grooming', 'who do I ring'];
    const posted = await Promise.all(texts.map((text, i) => say(urlOf(i % 2 === 0 ? a : b), grant, text, `burst-${i}`)));
    expect(posted.map((r) => r.status)).toEqual(texts.map(() => 200));
    const ids = await Promise.all(posted.map(async (r) => ((await r.json()) as { id: string }).id));
    // Each post answers once its turn is over, so every answer is there to collect now.
    // Every message answered; each turn's replies together (no turn's replies inside another's), in the order the turns ran.
    const { body } = await pollChat(urlOf(b), grant, welcome.watermark);
    const replies = (body?.activities ?? []).filter(fromBot).map((x) => String(x.replyToId));
    expect(new Set(replies)).toEqual(new Set(ids));
    const runs = replies.filter((id, i) => id !== replies[i - 1]);
    expect(runs).toHaveLength(ids.length);
  }, 60_000);
});
