import { sampleConcern } from '../helpers/concerns';
import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat } from '../helpers/chat';
import { OFFICE_HOURS, reportContent as words, safety, shellContent, transcriptAdapter } from '../helpers/transcript';

const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;

let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(async () => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(async () => {
  scratch.close();
});

function chatOn(channel = 'webchat', concerns: ConcernStore = store): Chat {
  return new Chat(transcriptAdapter(channel, OFFICE_HOURS, { store: concerns }));
}

/** Says hello, opens the report and starts it: the first question is being asked. */
async function startReport(chat: Chat, menuOption = 'Report a concern', start = 'Start a report'): Promise<void> {
  await chat.say('hi');
  const intro = await chat.say(menuOption);
  expect(intro.text).toContain('Here\'s how a report works');
  const first = await chat.say(start);
  expect(first.last).toBe(words.questions.subject.text);
}

/** Answers every question in order, then stays anonymous; returns what the bot said last. */
async function answerAll(chat: Chat, answers: string[]) {
  let said = await chat.say(answers[0]!);
  for (const answer of answers.slice(1)) said = await chat.say(answer);
  return said;
}

async function onlyConcern(): Promise<Concern> {
  const all = await store.list();
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('reporting a concern (transcripts)', () => {
  it('says first what happens to a report: who reads it, anonymous by default, what is kept, the limits, 999', async () => {
    const chat = chatOn();
    await chat.say('hi');
    const intro = await chat.say('Report a concern');
    expect(intro.text).toMatch(/Who reads it: duty staff/);
    expect(intro.text).toMatch(/Anonymous unless you choose/);
    expect(intro.text).toMatch(/deleted 90 days after the team closes it/);
    expect(intro.text).toMatch(/can't promise anyone will reply/);
    expect(intro.text).toMatch(/ring 999/);
    expect(intro.buttons).toEqual(['Start a report', 'I have a reference', 'Not now']);
  });

  it('takes a whole report on web chat, one question at a time, and confirms with a reference only once stored', async () => {
    const chat = chatOn();
    await startReport(chat);
    const steps: Array<[string, string]> = [
      ['A child or young person', words.questions.worry.text],
      ['My lad keeps going missing overnight and comes back with new trainers and two phones', words.questions.whoAtRisk.text],
      ['my son', words.questions.relationship.text],
      ["I'm their parent or carer", words.questions.childAge.text],
      // Not asked whether the parents know: the reporter is the parent.
      ['about 14', words.questions.place.text],
      ['Hillsborough', words.questions.when.text],
      ['It keeps happening', words.questions.dangerNow.text],
      ['No', words.questions.peopleInvolved.text],
      ['older lads in a black Golf, one calls himself Tiny', words.questions.howTheyKnow.text],
      ['I saw it myself', words.questions.communicationNeeds.text],
      ['no', words.contact.ask.text],
    ];
    for (const [answer, next] of steps) expect((await chat.say(answer)).last).toBe(next);
    const summary = await chat.say('Stay anonymous');
    expect(summary.last).toContain(words.summary.intro);
    expect(summary.last).toMatch(/Where: Hillsborough \(Sheffield\)/);
    expect(summary.last).toContain("How you know them: I'm their parent or carer\nAge: about 14\nWhere");
    expect(summary.last).toContain(`Language or communication: ${words.questions.communicationNeeds.noneNeeded}`);
    expect(summary.last).toMatch(/Contact: Anonymous/);
    expect(summary.last).toMatch(/It will go to: Sheffield Safeguarding Hub/);
    expect(summary.buttons).toEqual(['Send it', 'Change something', 'Delete it']);
    expect(await store.list()).toHaveLength(0);

    const done = await chat.say('Send it');
    const ref = REF.exec(done.text)?.[0];
    expect(ref).toBeDefined();
    const concern = await onlyConcern();
    expect(concern.ref).toBe(ref);
    expect(concern).toMatchObject({
      agency: 'sheffield-safeguarding-hub',
      area: 'sheffield',
      subject: 'child',
      urgent: false,
      status: 'received',
      reporter: { mode: 'anonymous' },
      channel: 'webchat',
      answers: {
        worry: 'My lad keeps going missing overnight and comes back with new trainers and two phones',
        whoAtRisk: 'my son',
        relationship: "I'm their parent or carer",
        childAge: 'about 14',
        parentsKnow: 'reporter-is-parent',
        place: 'Hillsborough',
        when: 'It keeps happening',
        dangerNow: 'no',
        peopleInvolved: 'older lads in a black Golf, one calls himself Tiny',
        howTheyKnow: 'I saw it myself',
        communicationNeeds: words.questions.communicationNeeds.noneNeeded,
      },
    });
    expect(concern.language.code).toBe('en');
    // Back at the menu afterwards.
    expect(done.last).toBe(shellContent.menu.again);
  });

  it('works on SMS with numbered options answered by number, every question skipped', async () => {
    const chat = chatOn('sms');
    await chat.say('hi');
    const intro = await chat.say('3');
    expect(intro.last).toMatch(/1\. Start a report\n2\. I have a reference\n3\. Not now/);
    expect(intro.activities.every((a) => a.suggestedActions === undefined)).toBe(true);
    expect((await chat.say('1')).last).toMatch(/1\. A child or young person/);
    let said = await chat.say('3'); // not sure
    for (const skip of ['skip', "don't know", 'skip', 'rather not say', 'skip', 'pass', 'dunno', 'skip', 'skip', 'pass', 'skip']) said = await chat.say(skip);
    expect(said.last).toMatch(/^Can the team contact you\? You don't have to\. If you stay anonymous, no one can reply to you\.\n/);
    expect(said.last).toMatch(/1\. Stay anonymous/);
    const summary = await chat.say('1');
    expect(summary.last).toMatch(/What's worrying you: \(skipped\)/);
    expect(summary.last).toMatch(/partnership duty desk/);
    for (const a of summary.activities) expect((a.text ?? '').length).toBeLessThanOrEqual(1600);
    const done = await chat.say('1');
    expect(done.text).toMatch(REF);
    const concern = await onlyConcern();
    expect(concern).toMatchObject({ subject: 'not-sure', agency: 'partnership-fallback', area: null, channel: 'sms' });
    expect(Object.values(concern.answers).every((v) => v === null)).toBe(true);
  });

  it('asks again kindly for answers it cannot use: too long, an unclear choice, then moves on', async () => {
    const chat = chatOn();
    await startReport(chat);
    const unclear = await chat.say('purple');
    expect(unclear.text).toBe(shellContent.didNotUnderstand);
    expect(unclear.buttons).toEqual(['A child or young person', 'A place or people', 'Not sure']);
    await chat.say('child');
    const long = await chat.say('x'.repeat(2001));
    expect(long.last).toBe(words.tooLong.replace('{limit}', '2000'));
    expect((await chat.say('They sell from the flat above the chippy')).last).toBe(words.questions.whoAtRisk.text);
    for (let i = 0; i < 6; i += 1) await chat.say('skip');
    // "Is anyone in danger?" asked again twice, then settled as "not sure": never a dead end.
    expect((await chat.say('hmm')).last).toBe(words.questions.dangerNow.retry);
    expect((await chat.say('the thing')).last).toBe(words.questions.dangerNow.retry);
    expect((await chat.say('whatever')).last).toBe(words.questions.peopleInvolved.text);
  });

  it('lets the reporter change an answer from the summary, and comes back to the summary', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'He carries a bag for older lads', 'skip', 'skip', 'skip', 'skip', 'Doncaster', 'skip', 'No', 'skip', 'skip', 'skip']);
    expect((await chat.say('Stay anonymous')).last).toMatch(/Where: Doncaster\n/);
    const which = await chat.say('Change something');
    expect(which.last).toBe(words.summary.whichToChange);
    expect(which.buttons).toContain('Where');
    expect((await chat.say('Where')).last).toBe(words.questions.place.text);
    const summary = await chat.say('Maltby');
    expect(summary.last).toMatch(/Where: Maltby \(Rotherham\)/);
    expect(summary.last).toMatch(/It will go to: Rotherham Multi-Agency Safeguarding Hub/);
    await chat.say('Send it');
    expect((await onlyConcern()).agency).toBe('rotherham-mash');
  });

  it('asks which area for a postcode district on a border, and sends an unknown place to the fallback queue', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['A place or people', 'A flat where kids come and go all night', 'skip', 'skip', 'skip']);
    const which = await chat.say('S64 0AB');
    expect(which.last).toBe(words.questions.place.whichArea);
    expect(which.buttons).toEqual(['Doncaster', 'Rotherham', 'Somewhere else']);
    // A full postcode could be the reporter's own: they are asked, and say it is not.
    const found = await answerAll(chat, ['Doncaster', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']);
    expect(found.last).toMatch(/1\. S64 0AB \(postcode\)/);
    const summary = await chat.say('None are about me');
    expect(summary.text).toContain(words.ownDetails.kept);
    expect(summary.last).toMatch(/Where: S64 0AB \(Doncaster\)/);
    await chat.say('Send it');
    expect(await onlyConcern()).toMatchObject({ agency: 'south-yorkshire-police', area: 'doncaster', subject: 'place' });

    const other = chatOn();
    await startReport(other);
    await answerAll(other, ['child', 'skip', 'skip', 'skip', 'skip', 'skip']);
    const unknown = await other.say('Leeds city centre');
    expect(unknown.last).toBe(words.questions.place.notKnown);
    expect(unknown.buttons).toEqual(['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield', 'Somewhere else']);
    await answerAll(other, ['Somewhere else', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']);
    await other.say('Send it');
    const agencies = (await store.list()).map((c) => c.agency);
    expect(agencies).toEqual(['south-yorkshire-police', 'partnership-fallback']);
  });

  it('cancel anywhere discards the draft and says so; menu does too, never silently', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'Something is not right with my nephew']);
    const cancelled = await chat.say('cancel');
    expect(cancelled.text).toContain(words.submit.discarded);
    expect(cancelled.last).toBe(shellContent.menu.again);

    await chat.say('Report a concern');
    await chat.say('Start a report');
    await chat.say('child');
    const menu = await chat.say('menu');
    expect(menu.text).toContain(words.submit.discardedByCommand);
    expect(await store.list()).toHaveLength(0);

    // "Delete it" at the summary does the same.
    await chat.say('Report a concern');
    await chat.say('Start a report');
    await answerAll(chat, ['child', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']);
    expect((await chat.say('Delete it')).text).toContain(words.submit.discarded);
    expect(await store.list()).toHaveLength(0);
  });

  it('"yes, someone is in danger now": the 999 guidance straight away, and the report is urgent', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'My daughter has not come home and her phone is off', 'skip', 'skip', 'skip', 'skip', 'Barnsley', 'Happening now']);
    const yes = await chat.say('Yes');
    expect(yes.activities[0]?.text).toBe(words.questions.dangerNow.saidYes);
    expect(yes.last).toBe(words.questions.peopleInvolved.text);
    await answerAll(chat, ['skip', 'skip', 'skip']);
    expect((await chat.say('Stay anonymous')).last).toContain(words.summary.urgent);
    expect((await chat.say('Send it')).activities.map((a) => a.text ?? '').join('\n')).toContain(words.submit.receivedUrgent);
    // The safety check may also have answered the worry first (a girl missing, phone off): urgent either way.
    const concern = await onlyConcern();
    expect(concern).toMatchObject({ urgent: true, answers: { dangerNow: 'yes' } });
    expect(concern.urgentReasons).toContain('danger-now-answer');
  });

  it('danger in the middle of a report: 999 first, the report resumes with nothing lost, and is sent urgent', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'He owes them money and they keep ringing him']);
    // Mid-report, at "who is at risk": a message the safety check must answer first.
    const danger = await chat.say('my son is 15, theyre outside our house now with a knife');
    expect(danger.activities[0]?.text).toContain(safety.rules.replies.danger.text.slice(0, 40));
    expect(danger.text).toContain(words.resume);
    // It was also their answer: recorded, and the report moves on to the next question.
    expect(danger.last).toBe(words.questions.relationship.text);
    const summary = await answerAll(chat, ['skip', 'skip', 'skip', 'Rotherham', 'Happening now', 'Yes', 'skip', 'skip', 'skip', 'Stay anonymous']);
    expect(summary.last).toMatch(/What's worrying you: He owes them money/);
    expect(summary.last).toMatch(/Who is at risk: my son is 15, theyre outside our house now with a knife/);
    await chat.say('Send it');
    const concern = await onlyConcern();
    expect(concern.urgent).toBe(true);
    expect(concern.urgentReasons).toEqual(['danger-now-answer', 'safety-check']);
  });

  it('danger on a choice question mid-report: 999 first, then the same question again', async () => {
    const chat = chatOn('sms');
    await chat.say('hi');
    await chat.say('Report a concern');
    await chat.say('1');
    const danger = await chat.say('hes got a gun');
    expect(danger.activities[0]?.text).toContain(safety.rules.replies.danger.text.slice(0, 40));
    expect(danger.last).toMatch(/^Is this mainly about a child/);
    await answerAll(chat, ['1', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'No', 'skip', 'skip', 'skip', '1']);
    await chat.say('1');
    expect(await onlyConcern()).toMatchObject({ urgent: true, urgentReasons: ['safety-check'] });
  });

  it('records contact details only with explicit consent, and with the words agreed to', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'My neighbour\'s boy is being picked up by different cars', 'skip', 'skip', 'skip', 'skip', 'S70', 'skip', 'No', 'skip', 'skip', 'skip']);
    expect((await chat.say('Contact me')).last).toBe(words.contact.how);
    expect((await chat.say('call me maybe')).last).toBe(words.contact.howRetry);
    const consent = await chat.say('07700 900 123');
    expect(consent.last).toBe(words.contact.consent.text.replace('{how}', '07700 900 123'));
    const summary = await chat.say('Yes, I agree');
    expect(summary.last).toMatch(/Contact: Contact me on: 07700 900 123/);
    await chat.say('Send it');
    const concern = await onlyConcern();
    expect(concern.reporter).toEqual({
      mode: 'contact',
      how: '07700 900 123',
      consent: { wording: words.contact.consent.wording, at: OFFICE_HOURS.toISOString() },
    });
    expect(concern.agency).toBe('barnsley-front-door');
  });

  it('saying no to consent keeps the reporter anonymous and drops the details', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'skip', 'skip', 'skip', 'skip', 'skip', 'S1', 'skip', 'No', 'skip', 'skip', 'skip', 'Contact me', 'someone@example.org']);
    const no = await chat.say('No, stay anonymous');
    expect(no.text).toContain(words.contact.stayingAnonymous);
    await chat.say('Send it');
    const concern = await onlyConcern();
    expect(concern.reporter).toEqual({ mode: 'anonymous' });
    expect(JSON.stringify(concern)).not.toContain('someone@example.org');
  });

  it('shows an anonymous reporter the details found in their words, removes theirs and keeps the rest', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, [
      'child',
      'My name is Sam Jones, you can get me on 07700 900123. My son is being used to run drugs',
      'about 15',
      'skip',
      'skip',
      'skip',
      'Wombwell',
      'It keeps happening',
      'No',
      'A lad called Tiny, his number is 07700 900999',
      'Both',
      'skip',
    ]);
    const found = await chat.say('Stay anonymous');
    expect(found.last).toContain(words.ownDetails.found);
    expect(found.last).toMatch(/1\. Sam Jones \(name\)/);
    expect(found.last).toMatch(/2\. 07700 900123 \(phone number\)/);
    expect(found.last).toMatch(/07700 900999 \(phone number\)/);
    expect((await chat.say('the blue one')).last).toBe(words.ownDetails.retry);
    const summary = await chat.say('1 and 2');
    expect(summary.text).toContain(words.ownDetails.removed.replace('{count}', '2'));
    await chat.say('Send it');
    const concern = await onlyConcern();
    const stored = JSON.stringify(concern);
    expect(stored).not.toContain('Sam Jones');
    expect(stored).not.toContain('07700 900123');
    expect(concern.answers.worry).toContain(words.ownDetails.removedMarker);
    expect(concern.answers.peopleInvolved).toBe('A lad called Tiny, his number is 07700 900999');
    expect(concern.ownDetailsRemoved).toBe(2);
  });

  it('on SMS, a number always means a listed detail: "1" removes the first one', async () => {
    const chat = chatOn('sms');
    await chat.say('hi');
    await chat.say('Report a concern');
    await chat.say('1');
    await answerAll(chat, ['1', 'Ring me on 07700 900123 if you need to, my son is being used', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', '2', 'skip', 'skip', 'skip']);
    const found = await chat.say('1');
    expect(found.last).toMatch(/1\. 07700 900123 \(phone number\)/);
    expect(found.last).not.toMatch(/None are about me/);
    const summary = await chat.say('1');
    expect(summary.text).toContain(words.ownDetails.removed.replace('{count}', '1'));
    await chat.say('1');
    expect((await onlyConcern()).answers.worry).not.toContain('07700 900123');
  });

  it('checks a changed answer again for the reporter\'s own details, without re-listing what they kept', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'The lad who picks him up has the number 07700 900999', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip']);
    expect((await chat.say('Stay anonymous')).last).toMatch(/1\. 07700 900999/);
    await chat.say('none');
    await chat.say('Change something');
    await chat.say('Who is at risk');
    const found = await chat.say('My son, 14. I am Kim Smith');
    expect(found.last).toMatch(/1\. Kim Smith \(name\)/);
    expect(found.last).not.toContain('07700 900999');
    const summary = await chat.say('1');
    expect(summary.last).toMatch(/Who is at risk: My son, 14\. I am \[removed by reporter\]/);
    await chat.say('Send it');
    const concern = await onlyConcern();
    expect(JSON.stringify(concern)).not.toContain('Kim Smith');
    expect(concern.answers.worry).toContain('07700 900999');
  });

  it('records the language for a reporter who agreed to be contacted, too', async () => {
    const chat = chatOn();
    await startReport(chat);
    await answerAll(chat, ['child', 'My nephew keeps getting picked up by older lads in cars late at night', 'skip', 'skip', 'skip', 'skip', 'S1', 'skip', 'No', 'skip', 'skip', 'skip', 'Contact me', 'kim@example.org']);
    await chat.say('Yes, I agree');
    await chat.say('Send it');
    expect((await onlyConcern()).language.code).toBe('en');
  });

  // The transcript bot is the embedded default (no outbox): a refused concern is not kept, and the words say so.
  it('says "not sent, not kept" while the store is down, keeps the draft in the chat, and sends it once when tried again', async () => {
    let down = true;
    const flaky: ConcernStore = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'submit') return (c: Concern) => (down ? Promise.reject(new Error('ECONNREFUSED')) : target.submit(c));
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const chat = chatOn('webchat', flaky);
    await startReport(chat);
    await answerAll(chat, ['child', 'A man keeps giving my son lifts', 'skip', 'skip', 'skip', 'skip', 'Rotherham', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']);
    const failed = await chat.say('Send it');
    expect(failed.text).toBe(words.submit.notKept);
    expect(failed.text).not.toMatch(/keep trying/);
    expect(failed.text).not.toMatch(REF);
    expect(failed.buttons).toEqual(['Try again', 'Change something', 'Delete it']);
    expect(await store.list()).toHaveLength(0);

    down = false;
    const sent = await chat.say('Try again');
    expect(sent.text).toMatch(REF);
    const concern = await onlyConcern();
    expect(sent.text).toContain(concern.ref);
  });

  it('a returning reporter sees a coarse status, answers the team\'s question and adds information', async () => {
    const first = chatOn();
    await startReport(first);
    await answerAll(first, ['child', 'My son has a second phone', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous']);
    const ref = REF.exec((await first.say('Send it')).text)![0];
    const questionId = await store.askQuestion(ref, 'Which school does he go to?', OFFICE_HOURS);
    await store.setStatus(ref, 'being-looked-at', OFFICE_HOURS);

    const back = chatOn();
    await back.say('hi');
    expect((await back.say('I have a reference')).last).toBe(words.reference.ask);
    expect((await back.say('not it')).last).toBe(words.reference.notRecognised);
    const typedLoosely = ref.toLowerCase().replace(/-/g, ' ');
    const status = await back.say(typedLoosely);
    expect(status.text).toContain(words.reference.status['being-looked-at'].replace('{ref}', ref));
    expect(status.text).toContain(words.reference.noDetails);
    expect(status.text).not.toContain('second phone');
    expect(status.last).toContain('Which school does he go to?');
    expect((await back.say('Westfield')).text).toContain(words.reference.answerSaved);
    // "Yes" to "do you want to add anything?" is not the news itself: it is asked for.
    expect((await back.say('Yes.')).last).toBe(words.reference.goAhead);
    const added = await back.say('He was picked up again last night by the same car');
    expect(added.text).toContain(words.reference.added);

    const concern = (await store.get(ref))!;
    expect(concern.questions).toEqual([expect.objectContaining({ id: questionId, answer: 'Westfield' })]);
    expect(concern.additions).toEqual([{ at: OFFICE_HOURS.toISOString(), text: 'He was picked up again last night by the same car' }]);
  });

  it('asks which details are the reporter\u2019s own in an answer or in news, and takes out those before saving', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    await store.askQuestion(concern.ref, 'Can we reach you?', OFFICE_HOURS);
    const back = chatOn();
    await back.say('hi');
    const asked = await back.say(concern.ref);
    expect(asked.last).toContain('Can we reach you?');
    const answer = await back.say('yes my mobile is 07700 900123');
    expect(answer.last).toContain(words.ownDetails.found);
    expect(answer.last).toContain('07700 900123');
    const removed = await back.say('1');
    expect(removed.text).toContain(words.reference.answerSaved);
    expect(removed.last).toBe(words.reference.addPrompt);
    const news = await back.say("it's me again, the lad's number is 07700 900456");
    expect(news.last).toContain('07700 900456');
    expect((await back.say('none')).text).toContain(words.reference.added);

    const stored = (await store.get(concern.ref))!;
    expect(stored.questions[0]?.answer).toBe(`yes my mobile is ${words.ownDetails.removedMarker}`);
    expect(JSON.stringify(stored)).not.toContain('07700 900123');
    // "None are mine": kept as sent (it may be someone else's number, which helps the team).
    expect(stored.additions.map((a) => a.text)).toEqual(["it's me again, the lad's number is 07700 900456"]);
  });

  it('understands a reference typed straight in at the menu, and says so kindly when there is no such report', async () => {
    const chat = chatOn();
    await chat.say('hi');
    // Four ordinary four-letter words are a question, not a reference.
    expect((await chat.say('when will they come')).text).not.toContain(words.reference.notFound);
    const unknown = await chat.say('my ref is K7PM-3XQ9-RT4W-HN2C');
    expect(unknown.last).toBe(words.reference.notFound);
    await chat.say('K7PM-3XQ9-RT4W-HN2D');
    const gaveUp = await chat.say('K7PM-3XQ9-RT4W-HN2E');
    expect(gaveUp.text).toContain(words.reference.giveUp);
    expect(gaveUp.last).toBe(shellContent.menu.again);
  });
});
