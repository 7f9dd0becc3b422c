import type { ConversationStore, FeedLimits } from '../../src/directline/conversationStore';
import { RedisConversationStore } from '../../src/directline/redisConversationStore';
import { SqliteConversationStore } from '../../src/directline/sqliteConversationStore';
import { useRedisFixture } from '../helpers/redis';
import { useSqliteFixture } from '../helpers/sqlite';

const DEFAULTS: FeedLimits = { maxConversations: 10, idleMs: 60_000, maxActivities: 5, maxPendingBytes: 1_000_000, maxTotalBytes: 10_000_000 };

/** One contract for both stores: what the built-in Direct Line relies on, on Redis and on the embedded database. */
describe.each(['redis', 'sqlite'] as const)('ConversationStore on %s', (kind) => {
  const redis = useRedisFixture();
  const sqlite = useSqliteFixture();
  let nowMs = 1_000_000;
  const clock = () => nowMs;

  /** A fresh store (and a second instance over the same data: another server, or the same one restarted). */
  async function stores(limits: Partial<FeedLimits> = {}): Promise<[ConversationStore, () => Promise<ConversationStore>]> {
    const all = { ...DEFAULTS, ...limits };
    if (kind === 'redis') {
      const { client, prefix } = await redis.open();
      return [new RedisConversationStore(client, prefix, all, clock), () => Promise.resolve(new RedisConversationStore(client, prefix, all, clock))];
    }
    const db = sqlite.open();
    return [new SqliteConversationStore(db, all, clock), () => Promise.resolve(new SqliteConversationStore(sqlite.reopen(), all, clock))];
  }

  afterEach(async () => {
    if (kind === 'redis') await redis.teardown();
    else await sqlite.teardown();
  });

  it('gives each conversation random ids and numbers its activities in order', async () => {
    const [f] = await stores();
    const a = await f.open('en-GB');
    const b = await f.open();
    expect(a?.conversationId).not.toBe(b?.conversationId);
    expect(a?.userId).not.toBe(b?.userId);
    const id = a?.conversationId ?? '';
    const first = await f.append(id, { type: 'message', text: 'one', membersAdded: [], value: { n: 1.5 } });
    const second = await f.append(id, { type: 'message', text: 'two' });
    expect(first?.id).toBe(`${id}|0000001`);
    expect(second?.id).toBe(`${id}|0000002`);
    expect(await f.since(id, 0)).toEqual({ activities: [first, second], watermark: '2' });
    expect(await f.since(id, 1)).toEqual({ activities: [second], watermark: '2' });
    expect(await f.touch(id)).toEqual({ conversationId: id, userId: a?.userId, locale: 'en-GB' });
    expect(await f.touch(b?.conversationId ?? '')).toEqual({ conversationId: b?.conversationId, userId: b?.userId, locale: undefined });
  });

  it('keeps everything for another instance over the same data (a restart, another server)', async () => {
    const [f, again] = await stores();
    const a = await f.open('cy');
    const id = a?.conversationId ?? '';
    await f.append(id, { type: 'message', text: 'one' });
    await f.since(id, 1);
    await f.append(id, { type: 'message', text: 'two' });
    const g = await again();
    expect(await g.touch(id)).toEqual(a);
    expect((await g.since(id, 1))?.activities.map((x) => x.text)).toEqual(['two']);
    expect((await g.append(id, { type: 'message', text: 'three' }))?.id).toBe(`${id}|0000003`);
  });

  it('drops what a watermark confirms, and the oldest beyond the limit', async () => {
    const [f] = await stores();
    const id = (await f.open())?.conversationId ?? '';
    for (let i = 1; i <= 7; i += 1) await f.append(id, { type: 'message', text: String(i) });
    expect((await f.since(id, 0))?.activities.map((a) => a.text)).toEqual(['3', '4', '5', '6', '7']);
    await f.since(id, 6);
    expect((await f.since(id, 0))?.activities.map((a) => a.text)).toEqual(['7']);
    expect((await f.since(id, 99))?.watermark).toBe('7');
  });

  it('keeps each chat and the whole service within their byte budgets for what browsers have not collected', async () => {
    const [f] = await stores({ maxActivities: 100, maxPendingBytes: 2_000, maxTotalBytes: 5_000 });
    const a = (await f.open())?.conversationId ?? '';
    const b = (await f.open())?.conversationId ?? '';
    const text = 'x'.repeat(400);
    expect(await f.room(a)).toBe('ok');
    for (let i = 0; i < 4; i += 1) await f.append(a, { type: 'message', text });
    expect(await f.room(a)).toBe('ok');
    await f.append(a, { type: 'message', text });
    expect(await f.room(a)).toBe('conversation-full');
    // The bot's replies are never refused: past twice the budget the oldest go instead.
    for (let i = 0; i < 10; i += 1) await f.append(a, { type: 'message', text: `reply ${i} ${text}` });
    const kept = (await f.since(a, 0))?.activities ?? [];
    expect(kept.length).toBeLessThan(10);
    expect(kept.reduce((sum, x) => sum + Buffer.byteLength(JSON.stringify(x)), 0)).toBeLessThanOrEqual(4_000);
    expect(kept.at(-1)?.text).toMatch(/^reply 9 /);
    expect(await f.room(b)).toBe('ok');
    for (let i = 0; i < 3; i += 1) await f.append(b, { type: 'message', text });
    expect(await f.room(b)).toBe('service-full');
    // Collecting frees the budget again, for the chat and for everyone.
    await f.since(a, 1_000);
    expect(await f.room(a)).toBe('ok');
    expect(await f.room(b)).toBe('ok');
  });

  it('refuses new conversations at the limit', async () => {
    const [f] = await stores({ maxConversations: 2 });
    expect(await f.open()).toBeDefined();
    expect(await f.open()).toBeDefined();
    expect(await f.open()).toBeUndefined();
    expect(await f.count()).toBe(2);
  });

  it('forgets an ended conversation: nothing more can be added or read, and it ends once', async () => {
    const [f] = await stores();
    const id = (await f.open())?.conversationId ?? '';
    await f.append(id, { type: 'message', text: 'hi' });
    expect(await f.end(id)).toBe(true);
    expect(await f.end(id)).toBe(false);
    expect(await f.append(id, { type: 'message' })).toBeUndefined();
    expect(await f.since(id, 0)).toBeUndefined();
    expect(await f.touch(id)).toBeUndefined();
    expect(await f.count()).toBe(0);
  });

  it('ends conversations idle past the limit, but not one being looked at; each is reported once', async () => {
    const [f, again] = await stores();
    const idle = (await f.open())?.conversationId ?? '';
    const touched = (await f.open())?.conversationId ?? '';
    nowMs += 50_000;
    await f.touch(touched);
    nowMs += 20_000;
    const g = await again();
    const [mine, theirs] = await Promise.all([f.endIdle(), g.endIdle()]);
    expect([...mine, ...theirs].map((c) => c.conversationId)).toEqual([idle]);
    expect([await f.touch(idle), (await f.touch(touched))?.conversationId]).toEqual([undefined, touched]);
  });
});
