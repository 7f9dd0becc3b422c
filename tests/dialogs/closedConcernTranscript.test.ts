import type { Concern } from '../../src/concerns/concern';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat } from '../helpers/chat';
import { sampleConcern } from '../helpers/concerns';
import { OFFICE_HOURS, reportContent as words, safety, shellContent, transcriptAdapter } from '../helpers/transcript';

/** A reporter comes back with the reference of a closed concern: offered a new report that follows it. */
const ref = words.reference;
const fill = (text: string, old: string) => text.replace('{ref}', old);

let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
let closed: Concern;
beforeEach(async () => {
  scratch = openScratchStore();
  store = scratch.store;
  closed = sampleConcern();
  await store.submit(closed);
  await store.setStatus(closed.ref, 'closed', OFFICE_HOURS);
});
afterEach(() => {
  scratch.close();
});

const chatOn = (channel = 'webchat') => new Chat(transcriptAdapter(channel, OFFICE_HOURS, { store }));

/** Hello, then the closed concern's reference: the status and the offer. */
async function atOffer(chat: Chat) {
  await chat.say('hi');
  return chat.say(closed.ref);
}

/** The concerns stored besides the closed one. */
async function newConcerns(): Promise<Concern[]> {
  const listed = (await store.list()).filter((c) => c.ref !== closed.ref);
  return Promise.all(listed.map(async (c) => (await store.get(c.ref))!));
}

describe('a closed concern offers a new report linked to it (transcripts)', () => {
  it('says kindly it is closed and offers a new report; yes starts one that follows the old reference', async () => {
    const chat = chatOn();
    const offer = await atOffer(chat);
    expect(offer.text).toContain(fill(ref.status.closed, closed.ref));
    expect(offer.last).toBe(fill(ref.closedOffer, closed.ref));
    expect(offer.buttons).toEqual(['Start a new report', 'No, back to the menu']);
    const started = await chat.say('Start a new report');
    // No intro again: they have reported before. Straight to the first question.
    expect(started.text).toContain(fill(ref.newReportLinked, closed.ref));
    expect(started.last).toBe(words.questions.subject.text);
    for (const a of ['child', 'He is being picked up again by the same car', 'my son', "I'm his dad", '15', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip']) await chat.say(a);
    const summary = await chat.say('Stay anonymous');
    expect(summary.last).toContain(fill(words.summary.follows, closed.ref));
    const sent = await chat.say('Send it');
    const [concern] = await newConcerns();
    expect(sent.text).toContain(concern!.ref);
    expect(concern).toMatchObject({ follows: closed.ref, answers: { worry: 'He is being picked up again by the same car', childAge: '15', parentsKnow: 'reporter-is-parent' } });
    // The closed concern is untouched.
    expect((await store.get(closed.ref))?.additions).toEqual([]);
  });

  it('no goes back to the menu, and nothing is stored', async () => {
    const chat = chatOn('sms');
    const offer = await atOffer(chat);
    expect(offer.last).toMatch(/1\. Start a new report\n2\. No, back to the menu/);
    const no = await chat.say('2');
    expect(no.last.startsWith(shellContent.menu.again)).toBe(true);
    expect(await newConcerns()).toEqual([]);
  });

  it('news typed at the offer starts the new report with it as the worry, not asked again', async () => {
    const chat = chatOn();
    await atOffer(chat);
    const news = await chat.say('He was picked up again last night by the same black car');
    expect(news.text).toContain(fill(ref.newReportLinked, closed.ref));
    expect(news.last).toBe(words.questions.subject.text);
    expect((await chat.say('A child or young person')).last).toBe(words.questions.whoAtRisk.text);
    for (const a of ['skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']) await chat.say(a);
    await chat.say('Send it');
    const [concern] = await newConcerns();
    expect(concern).toMatchObject({ follows: closed.ref, answers: { worry: 'He was picked up again last night by the same black car' } });
  });

  it('asks again kindly when the reply is unclear', async () => {
    const chat = chatOn();
    await atOffer(chat);
    const unclear = await chat.say('eh');
    expect(unclear.text).toBe(shellContent.didNotUnderstand);
    expect(unclear.buttons).toEqual(['Start a new report', 'No, back to the menu']);
  });

  it('danger typed at the offer: the danger reply first, then a new linked report keeps it, sent urgent', async () => {
    const chat = chatOn();
    await atOffer(chat);
    const danger = await chat.say('theyre outside our house now with a knife');
    expect(danger.activities[0]?.text).toContain(safety.rules.replies.danger.text.slice(0, 40));
    expect(danger.text).toContain(fill(ref.newReportLinked, closed.ref));
    expect(danger.last).toBe(words.questions.subject.text);
    for (const a of ['child', 'skip', 'skip', 'skip', 'skip', 'Rotherham', 'Happening now', 'Yes', 'skip', 'skip', 'skip', 'Stay anonymous']) await chat.say(a);
    await chat.say('Send it');
    const [concern] = await newConcerns();
    expect(concern).toMatchObject({ follows: closed.ref, urgent: true, answers: { worry: 'theyre outside our house now with a knife' } });
    expect(concern!.urgentReasons).toContain('safety-check');
  });

  it('a concern not closed still asks for news, as before', async () => {
    const open = sampleConcern();
    await store.submit(open);
    const chat = chatOn();
    await chat.say('hi');
    expect((await chat.say(open.ref)).last).toBe(ref.addPrompt);
  });
});
