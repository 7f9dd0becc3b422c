import { ConversationState, TestAdapter } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { atMenu, botDeps, buttonsOf, knowledge, questions, safety, shellContent, textOf, transcriptAdapter } from '../helpers/transcript';

const { replies } = safety.rules;
const first = (text: string) => text.trim().slice(0, 50);

describe('safety first on every turn (transcripts)', () => {
  it('danger in the very first message: 999 comes first, before the welcome', async () => {
    await transcriptAdapter()
      .send('theyre outside my house with a knife')
      .assertReply((a) => {
        expect(textOf(a)).toContain(first(replies.danger.text));
        expect(textOf(a)).toMatch(/999[\s\S]*press 55/);
      })
      .assertReply((a) => expect(textOf(a)).toMatch(/automated helper/))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.prompt))
      .startTest();
  });

  it('on SMS: plain text, 999 first, curly apostrophes and text-speak understood', async () => {
    await transcriptAdapter('sms')
      .send('they’re sayin they’ll stab me tn')
      .assertReply((a) => {
        expect(textOf(a).startsWith(first(replies.danger.text))).toBe(true);
        expect(a.suggestedActions).toBeUndefined();
      })
      .assertReply((a) => expect(textOf(a)).toMatch(/automated helper/))
      .assertReply((a) => expect(textOf(a)).toMatch(/1\. Spot the signs/))
      .startTest();
  });

  it('in the middle of a dialog: interrupts, then asks the same question again, and the dialog carries on', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.aboutYou.prompt))
      .send('help me hes got a knife')
      .assertReply((a) => expect(textOf(a)).toContain(first(replies.danger.text)))
      .assertReply((a) => expect(textOf(a)).toBe(replies.resume))
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.aboutYou.prompt);
        expect(buttonsOf(a)).toContain('Young person');
      })
      .send('Young person')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.aboutYou.thanks['young-person']))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.again))
      .startTest();
  });

  it('after an answer, a disclosure gets its reply first, and then what was said is answered as a question, nothing lost', async () => {
    const said = 'they make me carry stuff for them';
    // Whatever the knowledge base makes of it as a question is what follows the disclosure reply.
    const finding = knowledge.find(said, { channel: 'web' });
    const expected = finding.kind === 'answer' ? finding.entry.short.trim().slice(0, 60) : finding.kind === 'didYouMean' ? questions.didYouMean : questions.noMatch.text.trim().slice(0, 40);
    await atMenu()
      .send('what is cuckooing')
      .assertReply(() => undefined)
      .send(said)
      .assertReply((a) => {
        expect(textOf(a)).toContain(first(replies.disclosure.text));
        expect(textOf(a)).toMatch(/not your fault[\s\S]*0800 1111[\s\S]*Fearless[\s\S]*Report a concern/);
      })
      .assertReply((a) => {
        expect(textOf(a)).toContain(expected);
        expect(textOf(a)).not.toBe(replies.resume);
      })
      .startTest();
  });

  it('self-harm gets a warm reply with Samaritans, Childline, Shout and 999', async () => {
    await atMenu()
      .send('i dont want to be here anymore')
      .assertReply((a) => expect(textOf(a)).toMatch(/116 123[\s\S]*0800 1111[\s\S]*85258[\s\S]*999/))
      .assertReply((a) => expect(textOf(a)).toBe(replies.resume))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.prompt))
      .startTest();
  });

  it('harm in the past is not a 999 emergency, but gets a kind word before the answer', async () => {
    await atMenu()
      .send('my son was stabbed last year, how do i talk to him about knives')
      .assertReply((a) => {
        expect(textOf(a)).toBe(replies.past.text.trim());
        expect(textOf(a)).not.toContain(first(replies.danger.text));
      })
      .assertReply((a) => expect(textOf(a)).not.toBe(''))
      .startTest();
  });

  it('words that only look dangerous do not interrupt: "skilled", "killer trainers", the help command', async () => {
    await atMenu()
      .send('help')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.help.trim()))
      .assertReply(() => undefined)
      .send('he wants those killer trainers')
      .assertReply((a) => expect(textOf(a)).not.toContain(first(replies.danger.text)))
      .startTest();
  });

  it('remembers danger for a later report (urgent), even after "start over"', async () => {
    const storage = new MemoryStorage(3600_000);
    const bot = new ClearsightBot({ conversationState: new ConversationState(storage), deps: botDeps(), ttlHours: 4 });
    const adapter = new TestAdapter((c) => bot.run(c));
    await adapter.send('they wont let me leave the flat').startTest();
    await adapter.send('start over').startTest();
    const key = `${adapter.conversation.channelId}/conversations/${adapter.conversation.conversation.id}/`;
    const items = await storage.read([key]);
    const profile = items[key]?.profile as { urgent?: boolean } | undefined;
    expect(profile?.urgent).toBe(true);
  });
});
