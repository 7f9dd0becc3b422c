import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { BLOCK_LANGUAGES } from '../../src/safety/safetyLanguages';
import { Chat } from '../helpers/chat';
import { sampleConcern } from '../helpers/concerns';
import { safetyUnsureAbout, safetyWithoutModelAlarms } from '../helpers/safetyBand';
import { OFFICE_HOURS, reportContent, safety, shellContent, transcriptAdapter, type ReportOptions } from '../helpers/transcript';

const { replies } = safety.rules;
const { checkIn } = replies;
const firstLine = (text: string) => text.trim().split('\n')[0]!;
const chatOn = (channel = 'webchat', options: ReportOptions = {}) => new Chat(transcriptAdapter(channel, OFFICE_HOURS, options));

/** A concern store of its own for each test, in a temporary folder. */
let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(async () => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(async () => {
  scratch.close();
});

/** Says hello and starts a report about a child: "What is worrying you?" is being asked. */
async function atWorryQuestion(chat: Chat): Promise<void> {
  await chat.say('hi');
  await chat.say('Report a concern');
  await chat.say('Start a report');
  expect((await chat.say('A child or young person')).last).toBe(reportContent.questions.worry.text);
}

/** A worried message, not plainly an emergency: the check-in's territory. */
const WORRIED = 'my brother is scared of some lads and wont go out';

describe('the check-in question (the unsure band)', () => {
  const unsure = safetyUnsureAbout(WORRIED);

  it('asks once, gently, with Yes and No; Yes gives the danger reply and the chat goes on', async () => {
    const chat = chatOn('webchat', { safety: unsure });
    await chat.say('hi');
    const asked = await chat.say(WORRIED);
    expect(asked.text).toBe(checkIn.text);
    expect(asked.buttons).toEqual(['Yes', 'No']);
    const yes = await chat.say('Yes');
    expect(yes.text.startsWith(firstLine(replies.danger.text))).toBe(true);
    expect(yes.last).toBe(shellContent.menu.prompt);
  });

  it('No carries on with the message where the person was: here, as a question at the menu', async () => {
    const chat = chatOn('webchat', { safety: unsure });
    await chat.say('hi');
    await chat.say(WORRIED);
    const no = await chat.say('no');
    expect(no.text).not.toContain(firstLine(replies.danger.text));
    expect(no.text).not.toContain(checkIn.text);
    expect(no.text.length).toBeGreaterThan(0);
    // The same message, where nothing asks first, gets the same answer.
    const plain = chatOn('webchat', { safety: safetyWithoutModelAlarms() });
    await plain.say('hi');
    expect((await plain.say(WORRIED)).text).toBe(no.text);
  });

  it('mid-report, No keeps the message as the answer and the report goes on to its next question', async () => {
    const chat = chatOn('webchat', { safety: unsure, store });
    await atWorryQuestion(chat);
    expect((await chat.say(WORRIED)).text).toBe(checkIn.text);
    const next = await chat.say('No');
    expect(next.last).not.toBe(reportContent.questions.worry.text);
    expect(next.text).not.toContain(firstLine(replies.danger.text));
  });

  it('mid-report, danger typed instead of Yes or No: the reply at once, and both messages kept as answers', async () => {
    const chat = chatOn('webchat', { safety: unsure, store });
    await atWorryQuestion(chat);
    expect((await chat.say(WORRIED)).text).toBe(checkIn.text);
    const said = await chat.say('my son is 15 and theyre outside our house now with a knife');
    expect(said.text.startsWith(firstLine(replies.danger.text))).toBe(true);
    expect(said.last).toBe(reportContent.questions.relationship.text);
    const summary = await chat.say('skip');
    expect(summary.text).not.toContain(checkIn.text);
    let last = summary;
    for (const answer of ['skip', 'skip', 'skip', 'skip', 'Yes', 'skip', 'skip', 'skip', 'Stay anonymous']) last = await chat.say(answer);
    expect(last.last).toContain(`What's worrying you: ${WORRIED}`);
    expect(last.last).toContain('Who is at risk: my son is 15 and theyre outside our house now with a knife');
  });

  it('an answer that is neither is asked about once more, then taken as No', async () => {
    const chat = chatOn('webchat', { safety: unsure });
    await chat.say('hi');
    await chat.say(WORRIED);
    const again = await chat.say('what do you mean');
    expect(again.text).toBe(checkIn.again);
    expect(again.buttons).toEqual(['Yes', 'No']);
    const carried = await chat.say('whatever');
    expect(carried.text).not.toContain(checkIn.again);
    expect(carried.text).not.toContain(firstLine(replies.danger.text));
  });

  it('"I don\'t know" is taken as yes: the safe side', async () => {
    const chat = chatOn('webchat', { safety: unsure });
    await chat.say('hi');
    await chat.say(WORRIED);
    expect((await chat.say('I don’t know')).text.startsWith(firstLine(replies.danger.text))).toBe(true);
  });

  it('danger typed instead of an answer is answered at once', async () => {
    const chat = chatOn('webchat', { safety: unsure });
    await chat.say('hi');
    await chat.say(WORRIED);
    expect((await chat.say('theyre outside with a knife')).text.startsWith(firstLine(replies.danger.text))).toBe(true);
  });

  it('on SMS the options are numbered and "1" is Yes', async () => {
    const chat = chatOn('sms', { safety: unsure });
    await chat.say('hi');
    const asked = await chat.say(WORRIED);
    expect(asked.text).toContain(checkIn.text);
    expect(asked.text).toMatch(/1\. Yes[\s\S]*2\. No/);
    expect((await chat.say('1')).text.startsWith(firstLine(replies.danger.text))).toBe(true);
  });

  it('self-harm in the band: Yes gives the self-harm reply (which also says 999)', async () => {
    const text = 'im so tired of all of it';
    const chat = chatOn('webchat', { safety: safetyUnsureAbout(text, 'self-harm') });
    await chat.say('hi');
    expect((await chat.say(text)).text).toBe(checkIn.text);
    const yes = await chat.say('yes');
    expect(yes.text).toMatch(/116 123[\s\S]*999/);
  });
});

describe('replies that fit what was said', () => {
  it('an overdose already taken: 999 or A&E now, even if you feel fine', async () => {
    const chat = chatOn();
    await chat.say('hi');
    const said = await chat.say('i swallowed all of my mums paracetamol an hour ago but i feel ok');
    expect(said.text.startsWith(firstLine(replies.overdose.text))).toBe(true);
    expect(said.text).toMatch(/999 or go to A&E now, even\s+if you feel fine/);
  });

  it('someone being hurt nearby: 999, and what to tell the call handler', async () => {
    const chat = chatOn();
    await chat.say('hi');
    const said = await chat.say('i can hear a kid screaming next door and loud bangs, theyre hurting him');
    expect(said.text.startsWith(firstLine(replies.hurtNearby.text))).toBe(true);
    expect(said.text).toMatch(/Tell the call handler where it is/);
  });
});

describe('danger on a choice prompt in the middle of a report', () => {
  for (const channel of ['webchat', 'sms']) {
    it(`on ${channel}: the danger reply first, then the same question again, nothing lost`, async () => {
      const chat = chatOn(channel, { store });
      await chat.say('hi');
      await chat.say(channel === 'sms' ? '3' : 'Report a concern');
      const first = await chat.say(channel === 'sms' ? '1' : 'Start a report');
      expect(first.text).toContain(reportContent.questions.subject.text);
      const said = await chat.say('hes got a knife to my brothers throat right now');
      expect(said.text.startsWith(firstLine(replies.danger.text))).toBe(true);
      expect(said.last).toContain(reportContent.questions.subject.text);
      const next = await chat.say(channel === 'sms' ? '1' : 'A child or young person');
      expect(next.last).toContain(reportContent.questions.worry.text);
    });
  }
});

describe('danger in information added later', () => {
  it('is answered first, kept with the report, makes it urgent and wakes the alerts', async () => {
    const concern = sampleConcern({ urgent: false, urgentReasons: [] });
    await store.submit(concern);
    let woken = 0;
    const chat = chatOn('webchat', { store, urgentUpdated: () => woken++ });
    await chat.say('hi');
    expect((await chat.say(concern.ref)).last).toBe(reportContent.reference.addPrompt.trim());
    const said = await chat.say('they came back tonight and one of them has a gun, my son is with them now');
    expect(said.text.startsWith(firstLine(replies.danger.text))).toBe(true);
    expect(said.text).toContain(reportContent.reference.added.trim());
    const stored = await store.get(concern.ref);
    expect(stored).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'] });
    expect(stored?.additions.map((a) => a.text)).toEqual(['they came back tonight and one of them has a gun, my son is with them now']);
    expect(woken).toBe(1);
  });

  it('an ordinary addition changes nothing about urgency and wakes nobody', async () => {
    const concern = sampleConcern({ urgent: false, urgentReasons: [] });
    await store.submit(concern);
    let woken = 0;
    const chat = chatOn('webchat', { store, urgentUpdated: () => woken++ });
    await chat.say('hi');
    await chat.say(concern.ref);
    await chat.say('the car is a grey golf');
    expect(await store.get(concern.ref)).toMatchObject({ urgent: false, urgentReasons: [] });
    expect(woken).toBe(0);
  });

  it('in an answer to a staff question, too', async () => {
    const concern = sampleConcern({ urgent: false, urgentReasons: [] });
    await store.submit(concern);
    await store.askQuestion(concern.ref, 'Is he at home now?', OFFICE_HOURS);
    let woken = 0;
    const chat = chatOn('webchat', { store, urgentUpdated: () => woken++ });
    await chat.say('hi');
    await chat.say(concern.ref);
    const said = await chat.say('no theyve locked him in the flat on bridge street and wont let him leave');
    expect(said.text.startsWith(firstLine(replies.danger.text))).toBe(true);
    const stored = await store.get(concern.ref);
    expect(stored?.questions[0]?.answer).toBe('no theyve locked him in the flat on bridge street and wont let him leave');
    expect(stored).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'] });
    expect(woken).toBe(1);
  });
});

/** Messages written for these tests (not from the corpus): plain danger and self-harm in each language. */
const PLAIN: Record<(typeof BLOCK_LANGUAGES)[number], { danger: string; selfHarm: string }> = {
  pl: { danger: 'On ma nóż i stoi pod naszymi drzwiami, pomocy', selfHarm: 'Chcę się zabić, nie chcę już żyć' },
  ro: { danger: 'Are un cuțit și stă la ușa noastră acum, ajutor', selfHarm: 'Vreau să mă sinucid, nu mai vreau să trăiesc' },
  sk: { danger: 'Má nôž a stojí pred našimi dverami, pomoc', selfHarm: 'Chcem sa zabiť, už nechcem žiť' },
  cs: { danger: 'Má nůž a stojí před našimi dveřmi, pomoc', selfHarm: 'Chci se zabít, už nechci žít' },
  uk: { danger: 'У нього ніж і він стоїть під нашими дверима, допоможіть', selfHarm: 'Я хочу вбити себе, я не хочу жити' },
  ur: { danger: 'اس کے پاس چاقو ہے اور وہ ہمارے دروازے پر کھڑا ہے، مدد کریں', selfHarm: 'میں خودکشی کرنا چاہتا ہوں، میں جینا نہیں چاہتا' },
  ar: { danger: 'معه سكين وهو واقف عند بابنا الآن، ساعدونا', selfHarm: 'أريد أن أقتل نفسي، لا أريد أن أعيش' },
  pa: { danger: 'ਉਹਦੇ ਕੋਲ ਚਾਕੂ ਹੈ ਤੇ ਉਹ ਸਾਡੇ ਦਰਵਾਜ਼ੇ ਤੇ ਖੜ੍ਹਾ ਹੈ, ਮਦਦ ਕਰੋ', selfHarm: 'ਮੈਂ ਖੁਦਕੁਸ਼ੀ ਕਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ, ਮੈਂ ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦਾ' },
};

describe('other languages', () => {
  const emergency = [replies.danger, replies.hurtNearby, replies['self-harm'], replies.overdose].map((r) => firstLine(r.text));

  for (const code of BLOCK_LANGUAGES) {
    it(`${code}: danger and self-harm are caught, and the reply starts with the block in ${code}, 999 first`, async () => {
      const block = safety.languages.translations[code].block.trim();
      for (const text of [PLAIN[code].danger, PLAIN[code].selfHarm]) {
        const chat = chatOn();
        const said = await chat.say(text);
        expect(said.text.startsWith(block)).toBe(true);
        expect(said.text.indexOf('999')).toBeLessThan(said.text.indexOf('08000 121 700'));
        const caught = emergency.some((line) => said.text.includes(line)) || said.text.includes(checkIn.text);
        expect(caught).toBe(true);
      }
    });
  }

  it('any other language gets the same block in English, 999 first, before anything else', async () => {
    const chat = chatOn();
    const said = await chat.say("Il y a un homme avec un couteau devant notre porte, aidez-nous s'il vous plaît");
    expect(said.text.startsWith(safety.languages.english.trim())).toBe(true);
    expect(firstLine(said.text)).toMatch(/ring 999/);
  });

  it('an ordinary message in another language gets its block once, not every turn', async () => {
    const chat = chatOn();
    const block = safety.languages.translations.pl.block.trim();
    expect((await chat.say('Dzień dobry, mam pytanie o mojego syna')).text.startsWith(block)).toBe(true);
    expect((await chat.say('Co to znaczy county lines?')).text).not.toContain(block);
  });

  it('the check-in is asked in the person\'s language too, and their word for yes works', async () => {
    const text = 'Mój brat znowu jest z tymi starszymi chłopakami';
    const chat = chatOn('webchat', { safety: safetyUnsureAbout(text) });
    const asked = await chat.say(text);
    expect(asked.text).toContain(safety.languages.translations.pl.checkIn);
    expect(asked.text).toContain(checkIn.text);
    expect((await chat.say('tak')).text).toContain(firstLine(replies.danger.text));
  });
});
