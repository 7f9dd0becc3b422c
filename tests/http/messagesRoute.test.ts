import { randomUUID } from 'node:crypto';
import { joinActivity, messageActivity } from '../helpers/activities';
import { startTestApp, textsOf, type RunningApp } from '../helpers/testApp';
import { safety } from '../helpers/transcript';

describe('POST /api/messages (local mode, real server)', () => {
  let t: RunningApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers a conversationUpdate with the welcome and the menu, in the response body (expectReplies)', async () => {
    const replies = await t.send(joinActivity());
    expect(replies).toHaveLength(2);
    expect(textsOf(replies)).toMatch(/automated helper/);
    expect(replies[1]).toHaveProperty('suggestedActions');
  });

  it('keeps conversation state between turns', async () => {
    const conversationId = randomUUID();
    await t.send(messageActivity('hi', { conversationId }));
    const replies = await t.send(messageActivity('Get help now', { conversationId }));
    expect(textsOf(replies)).toMatch(/999/);
    expect(textsOf(replies)).not.toMatch(/automated helper/);
  });

  it('answers an SMS conversation in plain text with numbered options', async () => {
    const replies = await t.send(messageActivity('hi', { channelId: 'sms', userId: '+447700900123' }));
    expect(textsOf(replies)).toMatch(/1\. Spot the signs/);
    expect(replies.some((r) => 'suggestedActions' in r)).toBe(false);
  });

  it('over SMS, the danger check answers first in the middle of a report (a numbered choice prompt), then the question again', async () => {
    const conversationId = randomUUID();
    const sms = (text: string) => t.send(messageActivity(text, { channelId: 'sms', userId: '+447700900124', conversationId }));
    await sms('hi');
    await sms('3');
    expect(textsOf(await sms('1'))).toMatch(/mainly about a child or young person/);
    const replies = await sms('help theyre outside the flat with a machete, my son is in there');
    const text = textsOf(replies);
    expect(text.indexOf('ring 999')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('ring 999')).toBeLessThan(text.indexOf('mainly about a child or young person'));
    expect(replies.some((r) => 'suggestedActions' in r)).toBe(false);
  });

  it('over SMS, a message in another language gets its block in that language first, with 999', async () => {
    const replies = await t.send(messageActivity('Mają noże i stoją pod drzwiami, pomocy', { channelId: 'sms', userId: '+447700900125' }));
    expect(textsOf(replies).startsWith(safety.languages.translations.pl.block.trim().split('\n')[0]!)).toBe(true);
  });

  it('ignores unknown activity types politely: 200 and no reply', async () => {
    const res = await t.post({ ...messageActivity(''), type: 'somethingNew', text: undefined });
    expect(res.status).toBe(200);
  });

  it('serialises a burst of turns in one conversation, so none is lost', async () => {
    const conversationId = randomUUID();
    await t.send(messageActivity('hi', { conversationId }));
    // Five answers fired at once; each must see the state the previous one left.
    const burst = await Promise.all(
      ['Tell me who you are', 'Young person', 'Get help now', 'Get help now', 'Get help now'].map((text) =>
        t.send(messageActivity(text, { conversationId })),
      ),
    );
    const all = burst.map(textsOf).join('\n');
    expect(all).toMatch(/not in trouble/);
    expect(all.match(/You're not on your own/g)).toHaveLength(3);
  });

  describe('bad requests get a 400 with a short reason, never a 500', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['not JSON', '{"type": "message",', /not valid JSON/],
      ['an empty body', '', /empty/],
      ['a JSON array', [1, 2], /expected object/],
      ['no type', { ...messageActivity('hi'), type: undefined }, /^type:/],
      ['a numeric type', { ...messageActivity('hi'), type: 7 }, /^type:/],
      ['text that is a number', { ...messageActivity('hi'), text: 42 }, /^text:/],
      ['text over 4,000 characters', messageActivity('a'.repeat(4001)), /text is longer than 4000 characters/],
      ['no conversation', { ...messageActivity('hi'), conversation: undefined }, /^conversation:/],
      ['a conversation without id', { ...messageActivity('hi'), conversation: {} }, /^conversation\.id:/],
      ['no from', { ...messageActivity('hi'), from: undefined }, /^from:/],
      ['a serviceUrl that is not http', { ...messageActivity('hi'), serviceUrl: 'file:///etc/passwd' }, /^serviceUrl:/],
      ['an unknown deliveryMode', { ...messageActivity('hi'), deliveryMode: 'carrierPigeon' }, /^deliveryMode:/],
    ];
    it.each(cases)('%s', async (_name, body, reason) => {
      const res = await t.post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: string; reason: string };
      expect(json.error).toBe('bad_request');
      expect(json.reason).toMatch(reason);
    });

    it('accepts text of exactly 4,000 characters', async () => {
      const res = await t.post(messageActivity('a'.repeat(4000)));
      expect(res.status).toBe(200);
    });

    it('refuses a body over 64 KB with 413', async () => {
      const res = await t.post({ ...messageActivity('hi'), channelData: { pad: 'x'.repeat(70_000) } });
      expect(res.status).toBe(413);
    });

    it('still serves normally after all of that', async () => {
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      expect(await t.send(messageActivity('hi'))).not.toHaveLength(0);
    });
  });
});

describe('POST /api/messages with an app id (authenticated mode)', () => {
  let t: RunningApp;
  beforeAll(async () => {
    t = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses a request with no token with 401', async () => {
    const res = await t.post(messageActivity('hi'));
    expect(res.status).toBe(401);
  });

  it('refuses a request with a forged token with 401', async () => {
    const res = await t.post(messageActivity('hi'), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
    expect(res.status).toBe(401);
  });
});
