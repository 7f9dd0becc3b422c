import {
  areaChoices,
  changeChoices,
  notSentChoices,
  ownDetailsOutcome,
  receivedMessage,
  reportPrompt,
  retryPrompt,
} from '../../src/concerns/reportPrompts';
import type { ReportDraft } from '../../src/concerns/reportDraft';
import { reportWords } from '../helpers/reportWords';

const words = reportWords();
const w = words.content;
const EMPTY: ReportDraft = { submissionId: 'test', answers: {}, removedDetails: 0 };
const prompt = (stage: Parameters<typeof reportPrompt>[0], draft = EMPTY) => reportPrompt(stage, draft, words);
const labels = (choices: readonly { label: string }[] | undefined) => (choices ?? []).map((c) => c.label);

describe('reportPrompt', () => {
  it('starts with what happens to a report, naming how long it is kept', () => {
    const intro = prompt({ kind: 'intro' });
    expect(intro.text).toContain('deleted 90 days after the team closes it');
    expect(intro.text).not.toContain('{');
    expect(labels(intro.choices)).toEqual(['Start a report', 'I have a reference', 'Not now']);
  });

  it('asks each question in its own words, with buttons only for choice questions', () => {
    expect(prompt({ kind: 'question', question: 'subject' })).toEqual({ text: w.questions.subject.text, choices: w.questions.subject.choices });
    expect(prompt({ kind: 'question', question: 'worry' })).toEqual({ text: w.questions.worry.text, choices: [] });
  });

  it('asks which area by name when a place could be in two, and for any area when it could be anywhere', () => {
    const two = prompt({ kind: 'whichArea', areas: ['barnsley', 'rotherham'] });
    expect(two.text).toBe(w.questions.place.whichArea);
    expect(labels(two.choices)).toEqual(['Barnsley', 'Rotherham', w.questions.place.elsewhere.label]);
    const all = prompt({ kind: 'whichArea', areas: ['barnsley', 'doncaster', 'rotherham', 'sheffield'] });
    expect(all.text).toBe(w.questions.place.notKnown);
    expect(labels(all.choices)).toEqual(['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield', w.questions.place.elsewhere.label]);
  });

  it('asks for consent naming the contact detail exactly as typed', () => {
    const consent = prompt({ kind: 'contactConsent', how: 'me$&@example.com' });
    expect(consent.text).toContain('contact you on me$&@example.com about it');
    expect(consent.choices).toBe(w.contact.consent.choices);
    expect(prompt({ kind: 'contactHow' })).toEqual({ text: w.contact.how });
  });

  it('lists the details found, numbered, with what kind each is', () => {
    const { text } = prompt({
      kind: 'ownDetails',
      found: [
        { text: 'Tiny', category: 'name' },
        { text: '07700 900123', category: 'phone' },
      ],
    });
    expect(text).toBe(`${w.ownDetails.found}\n\n1. Tiny (${w.categories.name})\n2. 07700 900123 (${w.categories.phone})\n\n${w.ownDetails.ask}`);
  });

  it('asks a young person about themself their own age, and kindly whether a parent or carer knows', () => {
    const child: ReportDraft = { ...EMPTY, answers: { subject: 'child', relationship: 'neighbour' } };
    const self: ReportDraft = { ...EMPTY, answers: { subject: 'child', relationship: 'self' } };
    expect(prompt({ kind: 'question', question: 'childAge' }, child).text).toBe(w.questions.childAge.text);
    expect(prompt({ kind: 'question', question: 'childAge' }, self).text).toBe(w.questions.childAge.self);
    expect(prompt({ kind: 'question', question: 'parentsKnow' }, child).text).toBe(w.questions.parentsKnow.text);
    const kindly = prompt({ kind: 'question', question: 'parentsKnow' }, self);
    expect(kindly.text).toBe(w.questions.parentsKnow.self);
    expect(labels(kindly.choices)).toEqual(['Yes', 'No', 'Not sure']);
    expect(labels(prompt({ kind: 'question', question: 'relationship' }).choices)).toContain("It's about me");
  });

  it('keeps each new question short for SMS: at most two segments (320 characters), choices included', () => {
    for (const q of ['relationship', 'childAge', 'parentsKnow'] as const) {
      const { text, choices } = prompt({ kind: 'question', question: q });
      const sms = [text, ...(choices ?? []).map((c, i) => `${i + 1}. ${c.label}`)].join('\n');
      expect({ q, length: sms.length <= 320 }).toEqual({ q, length: true });
    }
  });

  it('offers to change only the answers this report asked for', () => {
    const parentOfChild: ReportDraft = { ...EMPTY, answers: { subject: 'child', relationship: 'parent' } };
    expect(labels(changeChoices(w, parentOfChild))).toContain('Age');
    expect(labels(changeChoices(w, parentOfChild))).not.toContain('Parents or carers know');
    expect(labels(changeChoices(w, { ...EMPTY, answers: { subject: 'place' } }))).not.toContain('Age');
  });

  it('shows the summary with send, change and delete', () => {
    const summary = prompt({ kind: 'summary' });
    expect(summary.text.startsWith(w.summary.intro)).toBe(true);
    expect(labels(summary.choices)).toEqual(['Send it', 'Change something', 'Delete it']);
  });

  it('offers every answer and the contact choice to change', () => {
    const change = prompt({ kind: 'whichToChange' });
    expect(change.text).toBe(w.summary.whichToChange);
    expect(change.choices).toEqual(changeChoices(w, EMPTY));
    // Every label but "Children involved", which is asked about a place only.
    expect(labels(change.choices)).toEqual([...Object.values(w.summary.labels)].filter((l) => l !== w.summary.labels.childrenInvolved));
    expect(labels(changeChoices(w, { ...EMPTY, answers: { subject: 'place' } }))).toContain(w.summary.labels.childrenInvolved);
    expect(change.choices?.at(-1)?.value).toBe('contact');
  });

  it('after a failed send, says it was not sent and offers to try again rather than send', () => {
    const notSent = prompt({ kind: 'notSent' });
    expect(notSent.text).toBe(w.submit.notSent);
    expect(notSent.choices?.map((c) => c.value)).toEqual(['retry', 'change', 'cancel-report']);
    expect(notSentChoices(w)).toEqual(notSent.choices);
  });
});

describe('retryPrompt', () => {
  it('asks the danger question again in its own words, with its buttons', () => {
    expect(retryPrompt('dangerNow', 'no-choice', words)).toEqual({ text: w.questions.dangerNow.retry, choices: w.questions.dangerNow.choices });
  });

  it('says it did not understand a choice, and offers the choices again', () => {
    expect(retryPrompt('when', 'no-choice', words)).toEqual({ text: words.didNotUnderstand, choices: w.questions.when.choices });
  });

  it('asks for a little more when an answer is too short', () => {
    expect(retryPrompt('worry', 'too-short', words)).toEqual({ text: w.questions.worry.retryShort });
  });

  it('names the limit of the question when an answer is too long', () => {
    expect(retryPrompt('whoAtRisk', 'too-long', words).text).toContain('under 300 characters');
    expect(retryPrompt('worry', 'too-long', words).text).toContain('under 2000 characters');
  });
});

describe('areaChoices', () => {
  it('names each area as people say it, then somewhere else', () => {
    expect(areaChoices(['sheffield'], words)).toEqual([{ value: 'sheffield', label: 'Sheffield', synonyms: [] }, w.questions.place.elsewhere]);
  });
});

describe('ownDetailsOutcome', () => {
  it('says how many details come out, or that the answers stay as they are', () => {
    expect(ownDetailsOutcome(2, w)).toBe("OK, I'll take out 2 of those.");
    expect(ownDetailsOutcome(0, w)).toBe(w.ownDetails.kept);
  });
});

describe('receivedMessage', () => {
  it('gives the reference, and adds a word for a young person', () => {
    const ref = 'K7PM-3XQ9-RT4W-HN2C';
    expect(receivedMessage(ref, 'parent', w)).toContain(`Your reference is ${ref}`);
    expect(receivedMessage(ref, undefined, w)).not.toContain(w.submit.receivedYoungPerson);
    expect(receivedMessage(ref, 'young-person', w).endsWith(`\n\n${w.submit.receivedYoungPerson}`)).toBe(true);
  });

  it('tells the sender of an urgent report again that nobody reads it live, and to ring 999', () => {
    const ref = 'K7PM-3XQ9-RT4W-HN2C';
    expect(receivedMessage(ref, 'parent', w)).not.toContain(w.submit.receivedUrgent);
    const urgent = receivedMessage(ref, 'young-person', w, true);
    expect(urgent).toContain(`Your reference is ${ref}`);
    expect(urgent).toContain('ring 999');
    expect(urgent.indexOf(w.submit.receivedUrgent)).toBeLessThan(urgent.indexOf(w.submit.receivedYoungPerson));
  });
});
