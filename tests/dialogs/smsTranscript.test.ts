import { isGsm7, toGsm7 } from '../../src/channels/gsm7';
import { smsSegments } from '../../src/channels/smsSegments';
import { safetyReplyText } from '../../src/safety/safetyReply';
import { welcomeText } from '../../src/shell/shellContent';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat, type Said } from '../helpers/chat';
import { knowledge, OFFICE_HOURS, questions, safety, shellContent, transcriptAdapter } from '../helpers/transcript';

/** What a turn costs the person on SMS: the segments of every message the bot sent. */
function segments(said: Said): number {
  return said.activities.reduce((sum, a) => sum + smsSegments(a.text ?? ''), 0);
}

let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(() => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(() => scratch.close());

function smsChat(): Chat {
  return new Chat(transcriptAdapter('sms', OFFICE_HOURS, { store }));
}

describe('texts that fit: the bot on SMS', () => {
  it('welcomes in two lines, and "2" at the menu asks for the question', async () => {
    const chat = smsChat();
    const hello = await chat.say('hi');
    expect(hello.activities[0]?.text).toBe(welcomeText(shellContent, 4, 'text'));
    expect(hello.activities[0]?.text?.split('\n')).toHaveLength(2);
    expect((await chat.say('2')).text).toBe(questions.ask);
  });

  it('an answer turn costs at most 3 segments; MORE pages through the rest, SOURCE gives the links, a number a related topic', async () => {
    const chat = smsChat();
    await chat.say('hi');
    const county = knowledge.get('county-lines');
    const answer = await chat.say('what is county lines');
    expect(answer.activities).toHaveLength(1);
    expect(segments(answer)).toBeLessThanOrEqual(3);
    expect(answer.text.startsWith(county.short.trim().slice(0, 40))).toBe(true);
    expect(answer.text).toContain(questions.text.more);
    expect(answer.text).not.toMatch(/https?:/);
    expect(answer.text).not.toMatch(/Reply with a number/);

    const source = await chat.say('SOURCE');
    expect(source.text).toContain(county.sources[0]);

    let page = await chat.say('more');
    expect(segments(page)).toBeLessThanOrEqual(3);
    expect(page.text).not.toContain(county.short.trim().slice(0, 40));
    for (let i = 0; i < 5 && page.text.includes(questions.text.more); i += 1) {
      page = await chat.say('MORE');
      expect(segments(page)).toBeLessThanOrEqual(3);
    }
    // The last page lists the related topics by number.
    const related = knowledge.get(county.related[0]!);
    expect(page.text).toContain(`1. ${related.title}`);
    // MORE after the last page: no more, and not taken for anything else (the word alone is not a worry).
    const noMore = await chat.say('MORE');
    expect(noMore.activities).toHaveLength(1);
    expect(noMore.text.startsWith(questions.text.noMore)).toBe(true);
    expect(noMore.text).toContain(`1. ${related.title}`);
    const next = await chat.say('1');
    expect(next.text.startsWith(related.short.trim().slice(0, 40))).toBe(true);
    expect(segments(next)).toBeLessThanOrEqual(3);
  });

  it('an answer with the local line: the short answer, the area\'s number and "Reply MORE", in 3 segments', async () => {
    const chat = smsChat();
    await chat.say('hi');
    const place = await chat.say('Sheffield');
    expect(place.text).toContain('0114 273 4855');
    expect(place.text).not.toContain(questions.afterAnswer);
    expect(place.text.endsWith(questions.ask)).toBe(true);
    const answer = await chat.say("I'm worried my son is being groomed by a gang, what should I do");
    expect(segments(answer)).toBeLessThanOrEqual(3);
    expect(answer.text).toContain('0114 273 4855');
    expect(answer.text).toContain(questions.text.more);
  });

  it('danger in the first text: the danger reply first and whole, then one line saying who is talking, never the welcome', async () => {
    const chat = smsChat();
    const said = await chat.say('a man has a knife outside my house right now');
    expect(said.activities[0]?.text).toBe(toGsm7(safetyReplyText(safety, 'danger', undefined, undefined)));
    expect(said.activities[1]?.text).toBe(shellContent.welcomeAfterSafety);
    expect(said.text).not.toContain(welcomeText(shellContent, 4, 'text'));
    expect(said.text).not.toContain(shellContent.welcome.slice(0, 30));
    // Later texts never bring the welcome either.
    expect((await chat.say('hello')).text).not.toContain(welcomeText(shellContent, 4, 'text'));
  });

  it('a whole anonymous report, from the menu to the reference, costs at most 25 segments', async () => {
    const chat = smsChat();
    await chat.say('hi');
    const turns: Said[] = [];
    const script = ['3', '1', '1', 'my son is selling drugs for older lads and comes home with cash', 'my son', '1', '14', '2', 'Barnsley', '3', '2', 'skip', '1', 'no', '1'];
    for (const text of script) turns.push(await chat.say(text));
    expect(turns.at(-1)!.last).toMatch(/^Here's your report/);
    const done = await chat.say('1');
    turns.push(done);
    expect(done.text).toMatch(/Your reference is [0-9A-Z]{4}-/);
    expect(await store.list()).toHaveLength(1);
    const total = turns.reduce((sum, said) => sum + segments(said), 0);
    expect(total).toBeLessThanOrEqual(25);
    // Every message of it is GSM-7: one curly quote would have made that text UCS-2.
    for (const said of turns) for (const a of said.activities) expect(isGsm7(a.text ?? '')).toBe(true);
  });
});

describe('a related topic picked on a phone', () => {
  it('opens the version of that topic written for the channel (the SMS privacy answer, not the web one)', async () => {
    const chat = smsChat();
    await chat.say('hi');
    expect((await chat.say('is crimestoppers really anonymous')).text).toMatch(/Reply MORE/);
    const privacyWeb = knowledge.get('privacy');
    // MORE until the page that lists related topics by number, then the number of the privacy one.
    let number: string | undefined;
    for (let page = 0; page < 8 && number === undefined; page++) {
      const said = await chat.say('MORE');
      number = new RegExp(`(\\d+)\\. ${privacyWeb.title.replace(/[?()]/g, '\\$&')}`).exec(said.text)?.[1];
    }
    expect(number).toBeDefined();
    const opened = await chat.say(number!);
    expect(opened.text).toMatch(/thread/i);
    expect(opened.text).not.toMatch(/browser|Shift/i);
  });
});
