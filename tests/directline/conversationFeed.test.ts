import { ConversationFeed } from '../../src/directline/conversationFeed';

describe('ConversationFeed', () => {
  let nowMs = 1_000_000;
  const feed = (limits: Partial<ConstructorParameters<typeof ConversationFeed>[0]> = {}) =>
    new ConversationFeed({ maxConversations: 10, idleMs: 60_000, maxActivities: 5, maxPendingBytes: 1_000_000, maxTotalBytes: 10_000_000, ...limits }, () => nowMs);

  it('gives each conversation random ids and numbers its activities in order', () => {
    const f = feed();
    const a = f.open('en-GB');
    const b = f.open();
    expect(a?.conversationId).not.toBe(b?.conversationId);
    expect(a?.userId).not.toBe(b?.userId);
    const first = f.append(a?.conversationId ?? '', { type: 'message', text: 'one' });
    const second = f.append(a?.conversationId ?? '', { type: 'message', text: 'two' });
    expect(first?.id).toBe(`${a?.conversationId}|0000001`);
    expect(second?.id).toBe(`${a?.conversationId}|0000002`);
    expect(f.since(a?.conversationId ?? '', 0)).toEqual({ activities: [first, second], watermark: '2' });
    expect(f.since(a?.conversationId ?? '', 1)).toEqual({ activities: [second], watermark: '2' });
  });

  it('drops what a watermark confirms, and the oldest beyond the limit', () => {
    const f = feed();
    const id = f.open()?.conversationId ?? '';
    for (let i = 1; i <= 7; i += 1) f.append(id, { type: 'message', text: String(i) });
    expect(f.since(id, 0)?.activities.map((a) => a.text)).toEqual(['3', '4', '5', '6', '7']);
    f.since(id, 6);
    expect(f.since(id, 0)?.activities.map((a) => a.text)).toEqual(['7']);
  });

  it('keeps each chat and the whole service within their byte budgets for what browsers have not collected', () => {
    const f = feed({ maxActivities: 100, maxPendingBytes: 2_000, maxTotalBytes: 5_000 });
    const a = f.open()?.conversationId ?? '';
    const b = f.open()?.conversationId ?? '';
    const text = 'x'.repeat(400);
    expect(f.room(a)).toBe('ok');
    for (let i = 0; i < 4; i += 1) f.append(a, { type: 'message', text });
    expect(f.room(a)).toBe('ok');
    f.append(a, { type: 'message', text });
    expect(f.room(a)).toBe('conversation-full');
    // The bot's replies are never refused: past twice the budget the oldest go instead.
    for (let i = 0; i < 10; i += 1) f.append(a, { type: 'message', text: `reply ${i} ${text}` });
    const kept = f.since(a, 0)?.activities ?? [];
    expect(kept.length).toBeLessThan(10);
    expect(kept.reduce((sum, x) => sum + Buffer.byteLength(JSON.stringify(x)), 0)).toBeLessThanOrEqual(4_000);
    expect(f.since(a, 0)?.activities.at(-1)?.text).toMatch(/^reply 9 /);
    expect(f.room(b)).toBe('ok');
    for (let i = 0; i < 3; i += 1) f.append(b, { type: 'message', text });
    expect(f.room(b)).toBe('service-full');
    // Collecting frees the budget again, for the chat and for everyone.
    f.since(a, 1_000);
    expect(f.room(a)).toBe('ok');
    expect(f.room(b)).toBe('ok');
    f.end(b);
    expect(f.pendingBytes).toBe(0);
  });

  it('refuses new conversations at the limit', () => {
    const f = feed({ maxConversations: 2 });
    expect(f.open()).toBeDefined();
    expect(f.open()).toBeDefined();
    expect(f.open()).toBeUndefined();
  });

  it('pushes new activities to listeners and tells them when the conversation ends', () => {
    const f = feed();
    const id = f.open()?.conversationId ?? '';
    const seen: string[] = [];
    f.subscribe(id, { added: (set) => seen.push(`${set.watermark}:${String(set.activities[0]?.text)}`), ended: () => seen.push('ended') });
    f.append(id, { type: 'message', text: 'hi' });
    f.end(id);
    expect(seen).toEqual(['1:hi', 'ended']);
    expect(f.append(id, { type: 'message' })).toBeUndefined();
    expect(f.since(id, 0)).toBeUndefined();
  });

  it('ends conversations idle past the limit, but not one being looked at or streamed', () => {
    const f = feed();
    const idle = f.open()?.conversationId ?? '';
    const touched = f.open()?.conversationId ?? '';
    const streamed = f.open()?.conversationId ?? '';
    f.subscribe(streamed, { added: () => undefined, ended: () => undefined });
    nowMs += 50_000;
    f.touch(touched);
    nowMs += 20_000;
    expect(f.endIdle().map((c) => c.conversationId)).toEqual([idle]);
    expect([f.has(idle), f.has(touched), f.has(streamed)]).toEqual([false, true, true]);
  });
});
