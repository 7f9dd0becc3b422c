import { randomUUID } from 'node:crypto';
import { messageActivity } from '../helpers/activities';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/** The welcome promises "this chat is deleted N hours after your last message": this proves it on real Redis. */
describe('conversation expiry (real server, real Redis)', () => {
  const prefix = uniquePrefix();
  let t: RunningApp;
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;
  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, CONVERSATION_TTL_HOURS: '2' });
  });
  afterAll(async () => {
    await t.stop();
    await redis.clean(prefix);
    await redis.close();
  });

  async function stateKeys(): Promise<string[]> {
    const keys: string[] = [];
    for await (const batch of redis.client.scanIterator({ MATCH: `${prefix}state:*`, COUNT: 100 })) keys.push(...batch);
    return keys;
  }

  /** The one Redis key that holds a webchat conversation's state (RedisStorage's layout). */
  const stateKey = (conversationId: string) => `${prefix}state:webchat/conversations/${conversationId}/`;

  /** Fails with what the app logged (codes only, never text) when a turn did not complete normally. */
  function expectTurnCompleted(replies: Array<Record<string, unknown>>): void {
    const failed = /TURN_FAILED|STATE_CLEAR_FAILED/.test(t.logs.text);
    expect({ failed, logs: failed ? t.logs.lines.filter((l) => /"level":(40|50)/.test(l)) : [] }).toEqual({ failed: false, logs: [] });
    expect(replies.length).toBeGreaterThan(0);
  }

  it('stores the chat with the configured expiry, and restarts the clock at every message', async () => {
    const conversationId = randomUUID();
    expectTurnCompleted(await t.send(messageActivity('hi', { conversationId })));
    const key = stateKey(conversationId);
    expect(await redis.client.exists(key)).toBe(1);
    const ttl = await redis.client.pTTL(key);
    expect(ttl).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(2 * 3600_000);

    // Pretend most of the time has passed, then send one more message.
    await redis.client.pExpire(key, 5_000);
    expectTurnCompleted(await t.send(messageActivity('Get help now', { conversationId })));
    expect(await redis.client.pTTL(key)).toBeGreaterThan(2 * 3600_000 - 60_000);
  });

  it('keeps nothing once the expiry has passed: the next message starts afresh with the welcome', async () => {
    const conversationId = randomUUID();
    await t.send(messageActivity('hi', { conversationId }));
    const keys = await stateKeys();
    expect(keys).toContain(stateKey(conversationId));
    for (const key of keys) await redis.client.pExpire(key, 1);
    await new Promise((r) => setTimeout(r, 20));
    const replies = await t.send(messageActivity('menu', { conversationId }));
    expect(replies.map((r) => String(r.text)).join('\n')).toMatch(/automated helper/);
  });
});
