import { fanOut, type AnswerOutcome, type SafetyEventKind, type ServiceEvents } from '../../src/events/serviceEvents';
import { topicOf } from '../../src/knowledge/answerTopics';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat } from '../helpers/chat';
import { sampleConcern } from '../helpers/concerns';
import { knowledge, OFFICE_HOURS, transcriptAdapter } from '../helpers/transcript';

/** Every event the bot told, in order, as plain values. */
function recorder() {
  const heard: unknown[][] = [];
  const events: ServiceEvents = {
    safetyReply: (kind: SafetyEventKind, area) => heard.push(['safety', kind, area]),
    answer: (outcome: AnswerOutcome, topic, area) => heard.push(['answer', outcome, topic, area]),
    reporterReturned: (area) => heard.push(['returned', area]),
  };
  return { heard, events };
}

describe('fanOut', () => {
  it('tells every listener, and one that throws does not stop the next or the caller', () => {
    const heard: string[] = [];
    const events = fanOut([
      {
        safetyReply: () => {
          throw new Error('broken counter');
        },
      },
      { safetyReply: (kind) => heard.push(kind) },
      {},
    ]);
    expect(() => events.safetyReply('danger', null)).not.toThrow();
    events.answer('answered', 'x', null);
    expect(heard).toEqual(['danger']);
  });
});

describe('what the bot tells the counters (closed values only)', () => {
  it('a safety reply by kind, with the area the person named, and nothing of what they wrote', async () => {
    const { heard, events } = recorder();
    const chat = new Chat(transcriptAdapter('webchat', OFFICE_HOURS, { events }));
    await chat.say('hi');
    await chat.say('im in doncaster');
    await chat.say('theyre outside our house now with a knife');
    expect(heard).toContainEqual(['safety', 'danger', 'doncaster']);
    expect(JSON.stringify(heard)).not.toMatch(/knife|house/);
  });

  it('a question answered, with its topic; one not understood, as no answer', async () => {
    const { heard, events } = recorder();
    const chat = new Chat(transcriptAdapter('webchat', OFFICE_HOURS, { events }));
    const question = 'what is county lines';
    const finding = knowledge.find(question, { channel: 'web' });
    expect(finding.kind).toBe('answer');
    await chat.say('hi');
    await chat.say(question);
    const topic = finding.kind === 'answer' ? topicOf(finding.entry) : 'none';
    expect(heard).toContainEqual(['answer', 'answered', topic, null]);
    await chat.say('ask a question');
    await chat.say('qwzx plorf vintage teapots');
    expect(heard.filter((h) => h[0] === 'answer').map((h) => h[1])).toEqual(expect.arrayContaining(['answered']));
    expect(heard.some((h) => h[0] === 'answer' && (h[1] === 'no-answer' || h[1] === 'did-you-mean'))).toBe(true);
  });

  it('a reporter coming back with their reference, under the concern\'s area', async () => {
    const scratch = openScratchStore();
    try {
      const concern = sampleConcern({ area: 'rotherham' });
      await scratch.store.submit(concern);
      const { heard, events } = recorder();
      const chat = new Chat(transcriptAdapter('webchat', OFFICE_HOURS, { store: scratch.store, events }));
      await chat.say('hi');
      await chat.say(concern.ref);
      expect(heard).toEqual([['returned', 'rotherham']]);
    } finally {
      scratch.close();
    }
  });
});
