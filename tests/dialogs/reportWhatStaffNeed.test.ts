import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat } from '../helpers/chat';
import { testDueAt } from '../helpers/concerns';
import { useRedisFixture } from '../helpers/redis';
import { OFFICE_HOURS, reportContent as words, safety, transcriptAdapter } from '../helpers/transcript';

/**
 * The report asks what duty staff need: how the reporter knows the child or place, the child's age and
 * whether their parents know. Each report is read back from the real store, SQLite and Redis alike.
 */
const q = words.questions;
const redis = useRedisFixture();

describe.each(['sqlite', 'redis'] as const)('the report asks what staff need (%s store)', (kind) => {
  let store: ConcernStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    if (kind === 'sqlite') {
      const scratch = openScratchStore();
      store = scratch.store;
      close = async () => scratch.close();
    } else {
      const { client, prefix } = await redis.open();
      store = new RedisConcernStore(client, prefix, testDueAt);
      close = () => redis.teardown();
    }
  });
  afterEach(async () => {
    await close();
  });

  const chatOn = (channel = 'webchat') => new Chat(transcriptAdapter(channel, OFFICE_HOURS, { store }));

  /** Hello, the report, Start: "Is this mainly about a child...?" is being asked. */
  async function started(chat: Chat, sms = false): Promise<void> {
    await chat.say('hi');
    await chat.say(sms ? '3' : 'Report a concern');
    expect((await chat.say(sms ? '1' : 'Start a report')).last).toContain(q.subject.text);
  }

  /** Each answer in turn, checking what is asked next; then stays anonymous and sends it. */
  async function script(chat: Chat, steps: Array<[answer: string, next: string]>): Promise<Concern> {
    for (const [answer, next] of steps) expect({ answer, asked: (await chat.say(answer)).last }).toEqual({ answer, asked: expect.stringContaining(next) });
    return sendAnonymously(chat);
  }

  async function sendAnonymously(chat: Chat): Promise<Concern> {
    await chat.say('Stay anonymous');
    await chat.say('Send it');
    const all = await store.list();
    expect(all).toHaveLength(1);
    return (await store.get(all[0]!.ref))!;
  }

  it('a neighbour worried about a child: how they know them, the age and whether the parents know, all stored', async () => {
    const chat = chatOn();
    await started(chat);
    const concern = await script(chat, [
      ['A child or young person', q.worry.text],
      ['Two boys go in and out of a flat with bags all night', q.whoAtRisk.text],
      ['the lad from number 9', q.relationship.text],
      ["I'm a neighbour", q.childAge.text],
      ['13 or 14', q.parentsKnow.text],
      ['No', q.place.text],
      ['Goldthorpe', q.when.text],
      ['It keeps happening', q.dangerNow.text],
      ['No', q.peopleInvolved.text],
      ['skip', q.howTheyKnow.text],
      ['I saw it myself', q.communicationNeeds.text],
      ['no', words.contact.ask.text],
    ]);
    expect(concern.answers).toMatchObject({ relationship: "I'm a neighbour", childAge: '13 or 14', parentsKnow: 'no', communicationNeeds: q.communicationNeeds.noneNeeded });
    expect(concern.follows).toBeNull();
  });

  it('a parent is asked the age but never whether the parents know; "teenager" is an age', async () => {
    const chat = chatOn();
    await started(chat);
    const concern = await script(chat, [
      ['child', q.worry.text],
      ['skip', q.whoAtRisk.text],
      ['my son', q.relationship.text],
      ["I'm his mum", q.childAge.text],
      ['teenager', q.place.text],
    ].concat(['skip', 'skip', 'No', 'skip', 'skip', 'skip'].map((a) => [a, ''])) as Array<[string, string]>);
    expect(concern.answers).toMatchObject({ relationship: "I'm their parent or carer", childAge: 'teenager', parentsKnow: 'reporter-is-parent' });
  });

  it('a place: asked how they know it, never a child\u2019s age or the parents', async () => {
    const chat = chatOn();
    await started(chat);
    const concern = await script(chat, [
      ['A place or people', q.worry.text],
      ['Cars stop outside the flat for a minute and go', q.whoAtRisk.text],
      ['skip', q.childrenInvolved.text],
      ['No, only adults', q.relationship.text],
      ['I live across the road', q.place.text],
    ].concat(['Doncaster', 'skip', 'No', 'skip', 'skip', 'skip'].map((a) => [a, ''])) as Array<[string, string]>);
    expect(concern.subject).toBe('place');
    expect(concern.answers).toMatchObject({ relationship: "I'm a neighbour", childAge: null, parentsKnow: null, childrenInvolved: 'no' });
    // No children: the police only.
    expect(concern.agency).toBe('south-yorkshire-police');
    expect(concern.shares).toEqual([]);
  });

  it('a place where children are involved goes to the police and to that area\u2019s children\u2019s front door, each with its own part', async () => {
    const chat = chatOn();
    await started(chat);
    for (const [answer, next] of [
      ['A place or people', q.worry.text],
      ['Two boys of about 14 go in and out of the flat with bags', q.whoAtRisk.text],
      ['the boys', q.childrenInvolved.text],
      ['yes', q.relationship.text],
      ['neighbour', q.place.text],
    ]) expect((await chat.say(answer!)).last).toContain(next);
    for (const a of ['Rotherham', 'It keeps happening', 'No', 'skip', 'skip', 'skip']) await chat.say(a);
    const summary = await chat.say('Stay anonymous');
    expect(summary.last).toContain('Children involved: Yes');
    expect(summary.last).toContain('It will go to: South Yorkshire Police (intelligence) and Rotherham Multi-Agency Safeguarding Hub (MASH).');
    await chat.say('Send it');
    const [stored] = await store.list();
    const concern = (await store.get(stored!.ref))!;
    expect(concern.agency).toBe('south-yorkshire-police');
    expect(concern.answers.childrenInvolved).toBe('yes');
    expect(concern.shares).toMatchObject([{ agency: 'rotherham-mash', by: 'routing', from: null, reason: null, triage: { arrived: 'routed' } }]);
    for (const agency of ['south-yorkshire-police', 'rotherham-mash']) {
      expect((await store.queue(agency, { closed: false, limit: 10 })).concerns.map((c) => c.ref)).toEqual([concern.ref]);
    }
  });

  it('a young person about themself is asked their own age, and kindly whether a parent or carer knows', async () => {
    const chat = chatOn('sms');
    await started(chat, true);
    const concern = await script(chat, [
      ['1', q.worry.text],
      ['An older lad says I owe him and have to carry stuff', q.whoAtRisk.text],
      ['me', q.relationship.text],
      ['6', q.childAge.self],
      ['15', q.parentsKnow.self],
      ['2', q.place.text],
    ].concat(['Sheffield', 'skip', 'No', 'skip', 'skip', 'skip'].map((a) => [a, ''])) as Array<[string, string]>);
    expect(concern.answers).toMatchObject({ relationship: "It's about me", childAge: '15', parentsKnow: 'no' });
  });

  it('each new question can be skipped, as the others can, and is stored as not answered', async () => {
    const chat = chatOn();
    await started(chat);
    const concern = await script(chat, [
      ['child', q.worry.text],
      ['skip', q.whoAtRisk.text],
      ['skip', q.relationship.text],
      ['skip', q.childAge.text],
      ["don't know", q.parentsKnow.text],
      ['pass', q.place.text],
    ].concat(['skip', 'skip', 'No', 'skip', 'skip', 'skip'].map((a) => [a, ''])) as Array<[string, string]>);
    expect(concern.answers).toMatchObject({ relationship: null, childAge: null, parentsKnow: null });
  });

  it('changing "about a place" to "a child" at the summary asks the age and the parents, then shows the summary', async () => {
    const chat = chatOn();
    await started(chat);
    for (const a of ['A place or people', 'skip', 'skip', 'skip', 'A friend of the family', 'Rotherham', 'skip', 'No', 'skip', 'skip', 'skip']) await chat.say(a);
    const summary = await chat.say('Stay anonymous');
    expect(summary.last).not.toContain('Age:');
    await chat.say('Change something');
    expect((await chat.say('About')).last).toContain(q.subject.text);
    expect((await chat.say('A child or young person')).last).toBe(q.childAge.text);
    expect((await chat.say('about 12')).last).toBe(q.parentsKnow.text);
    const back = await chat.say('Yes');
    expect(back.last).toContain('Age: about 12\nParents or carers know: Yes');
    await chat.say('Send it');
    const [stored] = await store.list();
    expect((await store.get(stored!.ref))?.answers).toMatchObject({ relationship: 'A friend of the family', childAge: 'about 12', parentsKnow: 'yes' });
  });

  it('danger typed at the age question: the danger reply first, then the age is asked again, and the report is urgent', async () => {
    const chat = chatOn();
    await started(chat);
    for (const a of ['child', 'He owes them money', 'my nephew']) await chat.say(a);
    expect((await chat.say("I'm a relative")).last).toBe(q.childAge.text);
    const danger = await chat.say('theyre outside our house now with a knife');
    expect(danger.activities[0]?.text).toContain(safety.rules.replies.danger.text.slice(0, 40));
    expect(danger.text).toContain(words.resume);
    expect(danger.last).toBe(q.childAge.text);
    // A bare age is an age: no safety message for "16" (see src/channels/expectedAnswer).
    const age = await chat.say('16');
    expect(age.activities.map((x) => x.text)).toEqual([q.parentsKnow.text]);
    // And at "do the parents know?": the reply, then the same question, with its choices.
    const again = await chat.say('they have got a gun and are going to shoot him');
    expect(again.activities[0]?.text).toContain(safety.rules.replies.danger.text.slice(0, 40));
    expect(again.last).toBe(q.parentsKnow.text);
    expect(again.buttons).toEqual(['Yes', 'No', 'Not sure']);
    for (const a of ['Not sure', 'Rotherham', 'skip', 'skip', 'skip', 'skip', 'skip']) await chat.say(a);
    const concern = await sendAnonymously(chat);
    expect(concern.answers).toMatchObject({ relationship: "I'm a relative", childAge: '16', parentsKnow: 'not-sure' });
    expect(concern.urgentReasons).toContain('safety-check');
  });
});
