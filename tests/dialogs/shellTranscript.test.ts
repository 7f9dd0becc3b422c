import type { Activity } from 'botbuilder';
import { atMenu, botDeps, buttonsOf, knowledge, shellContent, textOf, transcriptAdapter } from '../helpers/transcript';

const MENU = ['Spot the signs', 'Ask a question', 'Report a concern', 'Get help now', 'Tell me who you are'];
const join: Partial<Activity> = {
  type: 'conversationUpdate',
  membersAdded: [{ id: 'user', name: 'user' }],
  recipient: { id: 'bot', name: 'bot' },
};

describe('conversation shell on a rich channel', () => {
  it('welcomes a new user, says plainly what it is and what it keeps, then offers the four things it does', async () => {
    await transcriptAdapter()
      .send(join)
      .assertReply((a) => {
        const text = textOf(a);
        expect(text).toMatch(/automated helper/);
        expect(text).toMatch(/not a person/);
        expect(text).toMatch(/nobody watches this chat live/);
        expect(text).toMatch(/deleted 4 hours after your last message/);
        expect(text).toMatch(/don't store your name, phone number or\s+IP address/);
        expect(text).toMatch(/ring 999/);
      })
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .startTest();
  });

  it('routes each menu option, then comes back to the menu', async () => {
    await transcriptAdapter()
      .send(join)
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send('Get help now')
      .assertReply((a) => expect(textOf(a)).toMatch(/999[\s\S]*press 55[\s\S]*Childline/))
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.menu.again);
        expect(buttonsOf(a)).toEqual(MENU);
      })
      .send('Report a concern')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Here's how a report works/);
        expect(buttonsOf(a)).toEqual(['Start a report', 'I have a reference', 'Not now']);
      })
      .send('Not now')
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .send('spot the signs')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/No single sign proves/);
        expect(buttonsOf(a)).toContain(knowledge.get('signs-phones').title);
      })
      .send('menu')
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .startTest();
  });

  it('takes free text at the menu as a question', async () => {
    await transcriptAdapter()
      .send('is it a sign if he has two phones')
      .assertReply((a) => expect(textOf(a)).toMatch(/automated helper/))
      .assertReply((a) => expect(textOf(a)).toContain(knowledge.get('signs-phones').short.slice(0, 40)))
      .startTest();
  });

  it('asks who the user is only when they choose to, and changes the help it gives', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/You don't have to tell me/);
        expect(buttonsOf(a)).toContain("I'd rather not say");
      })
      .send('Young person')
      .assertReply((a) => expect(textOf(a)).toMatch(/not in trouble/))
      .assertReply(() => undefined)
      .send('get help now')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/You're not on your own/);
        expect(textOf(a)).toMatch(/Childline \(under 19\): 0800 1111/);
        expect(textOf(a)).toMatch(/Fearless/);
        expect(textOf(a)).not.toMatch(/NSPCC/);
      })
      .startTest();
  });

  it('gives a parent the adult helplines', async () => {
    await atMenu()
      .send('5')
      .assertReply(() => undefined)
      .send('mum')
      .assertReply((a) => expect(textOf(a)).toMatch(/parents and carers/))
      .assertReply(() => undefined)
      .send('4')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/worried about your child/);
        expect(textOf(a)).toMatch(/NSPCC Helpline[\s\S]*0808 800 5000/);
      })
      .startTest();
  });

  it('never requires an answer about who you are: "rather not say" and carrying on both work', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send("I'd rather not say")
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.aboutYou.thanks.skip))
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .startTest();
  });
});

describe('global commands work everywhere', () => {
  it('help explains the commands, then asks the pending question again', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send('help')
      .assertReply((a) => expect(textOf(a)).toMatch(/menu[\s\S]*start over[\s\S]*cancel[\s\S]*help/))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.aboutYou.prompt))
      .startTest();
  });

  it('cancel mid-question stops it, says nothing was kept, and shows the menu', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send('cancel')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.cancelled))
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .startTest();
  });

  it('cancel at the menu says there is nothing to stop', async () => {
    await atMenu()
      .send('Cancel')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.nothingToCancel))
      .assertReply((a) => expect(buttonsOf(a)).toEqual(MENU))
      .startTest();
  });

  it('menu jumps back to the menu from inside a question', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send('menu')
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.menu.prompt);
        expect(buttonsOf(a)).toEqual(MENU);
      })
      .startTest();
  });

  it('start over forgets who the user said they were', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send('Young person')
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send('start over')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.startedOver))
      .assertReply(() => undefined)
      .send('Get help now')
      .assertReply((a) => expect(textOf(a)).toMatch(/^Here is where to get help now/))
      .startTest();
  });

  it('re-asks kindly, with the options again, when an answer picks nothing', async () => {
    await atMenu()
      .send('Tell me who you are')
      .assertReply(() => undefined)
      .send('banana')
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.didNotUnderstand);
        expect(buttonsOf(a)).toHaveLength(4);
      })
      .send('3')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.aboutYou.thanks.other))
      .startTest();
  });
});

describe('conversation shell on SMS', () => {
  it('uses plain text with numbered options, understood by number or words', async () => {
    await transcriptAdapter('sms')
      .send('hello')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/automated helper/);
        expect(a.suggestedActions).toBeUndefined();
      })
      .assertReply((a) => {
        expect(a.suggestedActions).toBeUndefined();
        expect(textOf(a)).toMatch(/Reply with a number:\n1\. Spot the signs\n2\. Ask a question\n3\. Report a concern\n4\. Get help now\n5\. Tell me who you are/);
      })
      .send('5')
      .assertReply((a) => expect(textOf(a)).toMatch(/1\. Parent or carer\n2\. Young person/))
      .send('young person')
      .assertReply((a) => expect(textOf(a)).toMatch(/not in trouble/))
      .assertReply(() => undefined)
      .send('4')
      .assertReply((a) => {
        expect(textOf(a)).toMatch(/Childline/);
        expect(textOf(a).length).toBeLessThanOrEqual(1600);
      })
      .startTest();
  });
});

describe('conversation state stays small', () => {
  it('does not grow as the user goes round the menu many times', async () => {
    const { ConversationState } = await import('botbuilder');
    const { TestAdapter } = await import('botbuilder');
    const { ClearsightBot } = await import('../../src/bot/clearsightBot');
    const { MemoryStorage } = await import('../../src/storage/memoryStorage');
    const storage = new MemoryStorage(3600_000);
    const bot = new ClearsightBot({ conversationState: new ConversationState(storage), deps: botDeps(), ttlHours: 4 });
    const adapter = new TestAdapter((c) => bot.run(c));
    const stateSize = async () => JSON.stringify(await storage.read([`test/conversations/Convo1/`])).length;
    await adapter.send('hi');
    await adapter.send('Get help now');
    const after1 = await stateSize();
    for (let i = 0; i < 10; i++) await adapter.send('Get help now');
    expect(after1).toBeGreaterThan(100);
    expect(await stateSize()).toBe(after1);
  });
});
