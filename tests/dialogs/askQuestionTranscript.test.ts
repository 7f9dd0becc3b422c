import type { Activity } from 'botbuilder';
import { atMenu, buttonsOf, knowledge, knowledgeNeverSure, OFFICE_HOURS, questions, reportContent, services, shellContent, textOf } from '../helpers/transcript';

const SATURDAY_NOON = new Date('2026-11-28T12:00:00Z');
const cuckooing = knowledge.get('cuckooing');
const reportIntroStart = reportContent.intro.text.trim().slice(0, 40);

function linksOf(a: Partial<Activity>): string[] {
  return (a.attachments ?? []).flatMap((att) => ((att.content as { buttons?: Array<{ value: string }> }).buttons ?? []).map((b) => b.value));
}

describe('asking questions (knowledge dialogs, transcript)', () => {
  it('answers a sure match with the short answer, a source link and next topics', async () => {
    await atMenu()
      .send('what is cukooing')
      .assertReply((a) => {
        expect(textOf(a)).toContain(cuckooing.short.trim().slice(0, 60));
        expect(linksOf(a)).toEqual([cuckooing.sources[0]]);
        expect(buttonsOf(a)).toEqual([questions.tellMeMore, ...cuckooing.related.slice(0, 3).map((id) => knowledge.get(id).title)]);
      })
      .send(questions.tellMeMore)
      .assertReply((a) => {
        expect(textOf(a)).toContain(cuckooing.long!.trim().slice(0, 60));
        expect(buttonsOf(a)).not.toContain(questions.tellMeMore);
      })
      .send(knowledge.get(cuckooing.related[0]!).title)
      .assertReply((a) => expect(textOf(a)).toContain(knowledge.get(cuckooing.related[0]!).short.trim().slice(0, 60)))
      .startTest();
  });

  it('takes another typed question after an answer, and leaves for the menu when a menu option is typed', async () => {
    await atMenu()
      .send('what is plugging')
      .assertReply((a) => expect(textOf(a)).toContain(knowledge.get('plugging').short.trim().slice(0, 60)))
      .send('what does going country mean')
      .assertReply((a) => expect(textOf(a)).toContain(knowledge.get('slang-going-ot').short.trim().slice(0, 60)))
      .send('Get help now')
      .assertReply((a) => expect(textOf(a)).toMatch(/999/))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.again))
      .startTest();
  });

  it('offers "did you mean" when unsure, answers the one picked, and says so honestly for "none of these"', async () => {
    const unsure = knowledgeNeverSure();
    const finding = unsure.find('drugs', { channel: 'web' });
    if (finding.kind !== 'didYouMean') throw new Error('expected "did you mean" from a model that is never sure');
    expect(finding.options.length).toBeGreaterThanOrEqual(2);
    const titles = finding.options.map((e) => e.title);
    await atMenu('webchat', OFFICE_HOURS, { knowledge: unsure })
      .send('drugs')
      .assertReply((a) => {
        expect(textOf(a)).toBe(questions.didYouMean);
        expect(buttonsOf(a)).toEqual([...titles, questions.noneOfThese]);
      })
      .send(titles[1]!)
      .assertReply((a) => expect(textOf(a)).toContain(finding.options[1]!.short.trim().slice(0, 60)))
      .send('drugs')
      .assertReply(() => undefined)
      .send(questions.noneOfThese)
      .assertReply((a) => expect(textOf(a)).toContain(questions.noMatch.text.trim().slice(0, 40)))
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.again))
      .startTest();
  });

  it('says honestly when it has no answer, names a helpline, and goes back to the menu', async () => {
    await atMenu()
      .send('how do i pay my council tax')
      .assertReply((a) => {
        expect(textOf(a)).toContain(questions.noMatch.text.trim().slice(0, 40));
        expect(textOf(a)).toContain(services.get('nspcc').contact);
      })
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.menu.again))
      .startTest();
  });

  it('gives the local number to ring now when the question names an area (office hours)', async () => {
    await atMenu()
      .send('who do i ring in doncaster')
      .assertReply((a) => {
        expect(textOf(a)).toContain('01302 737777');
        expect(textOf(a)).not.toContain('01302 796000');
      })
      .startTest();
  });

  it('gives the out-of-hours number on a Saturday, and remembers the area for later answers', async () => {
    await atMenu('webchat', SATURDAY_NOON)
      .send('who do i call in donny')
      .assertReply((a) => expect(textOf(a)).toContain('01302 796000'))
      .send('what should i do if im worried about my son')
      .assertReply((a) => expect(textOf(a)).toContain('01302 796000'))
      .startTest();
  });

  it('lists all four councils when asked who to ring without an area, and takes an area on its own', async () => {
    await atMenu()
      .send('who do i ring')
      .assertReply((a) => {
        for (const name of ['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield']) expect(textOf(a)).toContain(name);
        expect(textOf(a)).toContain('0114 273 4855');
      })
      .send('Sheffield')
      .assertReply((a) => expect(textOf(a)).toMatch(/Sheffield: ring .* now on 0114 273 4855/))
      .startTest();
  });

  it('works on SMS: the answer and who to ring in one go, the source for SOURCE, the rest for MORE', async () => {
    await atMenu('sms')
      .send('what is cuckooing')
      .assertReply((a) => {
        expect(textOf(a)).toContain(cuckooing.short.trim().slice(0, 60));
        expect(textOf(a)).toContain(questions.text.more);
        expect(textOf(a)).toContain(questions.text.source);
        expect(textOf(a)).not.toContain('https://');
        expect(a.suggestedActions).toBeUndefined();
      })
      .send('source')
      .assertReply((a) => expect(textOf(a)).toContain(cuckooing.sources[0]))
      .send('more')
      .assertReply((a) => {
        expect(textOf(a)).not.toContain(cuckooing.short.trim().slice(0, 60));
        expect(textOf(a).length).toBeGreaterThan(40);
      })
      .startTest();
  });

  it('spot the signs: the caveat first, then the chosen group of signs', async () => {
    await atMenu('sms')
      .send('spot the signs')
      .assertReply((a) => {
        expect(textOf(a)).toContain(questions.signs.intro.trim().slice(0, 40));
        expect(textOf(a)).toContain(`3. ${knowledge.get(questions.signs.topics[2]!).title}`);
      })
      .send('3')
      .assertReply((a) => expect(textOf(a)).toContain(knowledge.get(questions.signs.topics[2]!).short.trim().slice(0, 60)))
      .startTest();
  });

  it('on SMS, "is this chat recorded" gets the version for SMS (delete the thread, the bill), never browsers or Shift', async () => {
    const text = knowledge.get('privacy-sms');
    await atMenu('sms')
      .send('is this chat recorded')
      .assertReply((a) => {
        expect(textOf(a)).toContain(text.short.trim().slice(0, 60));
        expect(textOf(a)).toMatch(/delete this thread/);
        expect(textOf(a)).not.toMatch(/browser|shift/i);
      })
      .startTest();
  });

  it('on WhatsApp, "is this chat recorded" gets the version for WhatsApp (its backups), never browsers or Shift', async () => {
    const text = knowledge.get('privacy-whatsapp');
    await atMenu('whatsapp')
      .send('is this chat recorded')
      .assertReply((a) => {
        expect(textOf(a)).toContain(text.short.trim().slice(0, 60));
        expect(textOf(a)).toMatch(/backup/);
        expect(textOf(a)).not.toMatch(/browser|shift/i);
      })
      .startTest();
  });

  it('a question inside a longer message that names a menu option is answered, not taken as that option', async () => {
    const q = 'will the police come round the house if i report it';
    const finding = knowledge.find(q, { channel: 'web' });
    await atMenu()
      .send(q)
      .assertReply((a) => {
        expect(textOf(a)).not.toContain(reportIntroStart);
        if (finding.kind === 'answer') expect(textOf(a)).toContain(finding.entry.short.trim().slice(0, 60));
      })
      .startTest();
  });

  it('no answer: says so without guessing, points to reporting, names the helplines, and the menu (with Report a concern) follows', async () => {
    await atMenu()
      .send('how do i pay my council tax')
      .assertReply((a) => {
        expect(textOf(a)).toContain(questions.noMatch.text.trim().slice(0, 40));
        expect(textOf(a)).toMatch(/Report a concern/);
        expect(textOf(a)).toContain(services.get('nspcc').contact);
      })
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.menu.again);
        expect(buttonsOf(a)).toContain('Report a concern');
      })
      .startTest();
  });
});
