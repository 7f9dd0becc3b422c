import { newTriageRecord } from '../../src/concerns/triageRecord';
import { parseContactDetail } from '../../src/concerns/contactDetails';
import { parseDetailChoice, removeDetails } from '../../src/concerns/ownDetails';
import { asksQuestion, buildConcern, interpretAnswer, nextQuestion, unaskedQuestion, type ReportDraft } from '../../src/concerns/reportDraft';
import { concernSchema } from '../../src/concerns/concern';
import { reportContent as words } from '../helpers/transcript';

describe('interpretAnswer', () => {
  it.each(['skip', 'Skip.', "don't know", 'dont know', 'DUNNO', 'not sure', 'pass', 'n/a'])('%j skips a free-text question', (text) => {
    expect(interpretAnswer('worry', text, words)).toEqual({ kind: 'skip' });
  });

  it('takes choices by number, label or synonym', () => {
    expect(interpretAnswer('subject', '2', words)).toEqual({ kind: 'answer', value: 'place' });
    expect(interpretAnswer('subject', 'my son', words)).toEqual({ kind: 'answer', value: 'child' });
    expect(interpretAnswer('dangerNow', 'yeah', words)).toEqual({ kind: 'answer', value: 'yes' });
  });

  it('takes the reporter\'s own words for "when" and "how do you know"', () => {
    expect(interpretAnswer('when', 'last Tuesday night', words)).toEqual({ kind: 'answer', value: 'last Tuesday night' });
    expect(interpretAnswer('howTheyKnow', 'my sister told me', words)).toEqual({ kind: 'answer', value: 'my sister told me' });
  });

  it('asks again for an unclear closed choice, then settles for "not sure" rather than trap anyone', () => {
    expect(interpretAnswer('dangerNow', 'hmm', words, 0)).toEqual({ kind: 'retry', reason: 'no-choice' });
    expect(interpretAnswer('dangerNow', 'hmm', words, 2)).toEqual({ kind: 'answer', value: 'not-sure' });
    expect(interpretAnswer('subject', 'eh', words, 2)).toEqual({ kind: 'answer', value: 'not-sure' });
  });

  it('checks lengths: too short or over the limit is asked again', () => {
    expect(interpretAnswer('worry', '?', words)).toEqual({ kind: 'retry', reason: 'too-short' });
    expect(interpretAnswer('whoAtRisk', 'x'.repeat(301), words)).toEqual({ kind: 'retry', reason: 'too-long' });
    expect(interpretAnswer('whoAtRisk', 'x'.repeat(300), words).kind).toBe('answer');
  });

  it('records "no" to communication needs as none needed (answered, not skipped)', () => {
    expect(interpretAnswer('communicationNeeds', 'No', words)).toEqual({ kind: 'answer', value: words.questions.communicationNeeds.noneNeeded });
    expect(interpretAnswer('communicationNeeds', 'skip', words)).toEqual({ kind: 'skip' });
    expect(interpretAnswer('communicationNeeds', 'His mum only speaks Polish', words).kind).toBe('answer');
  });
});

describe('what staff need: how the reporter knows them, the child\u2019s age, whether the parents know', () => {
  const draft = (answers: ReportDraft['answers']): ReportDraft => ({ submissionId: '00000000-0000-4000-8000-000000000000', answers, removedDetails: 0 });

  it('takes the relationship as a choice or in the reporter\u2019s own words', () => {
    expect(interpretAnswer('relationship', '1', words)).toEqual({ kind: 'answer', value: 'parent' });
    expect(interpretAnswer('relationship', "I'm his mum", words)).toEqual({ kind: 'answer', value: 'parent' });
    expect(interpretAnswer('relationship', 'next door', words)).toEqual({ kind: 'answer', value: 'neighbour' });
    expect(interpretAnswer('relationship', "it's me", words)).toEqual({ kind: 'answer', value: 'self' });
    expect(interpretAnswer('relationship', 'I coach his football team', words)).toEqual({ kind: 'answer', value: 'professional' });
    expect(interpretAnswer('relationship', 'the lollipop lady', words)).toEqual({ kind: 'answer', value: 'the lollipop lady' });
    expect(interpretAnswer('relationship', 'skip', words)).toEqual({ kind: 'skip' });
  });

  it.each(['about 14', '13 or 14', 'teenager', '9', 'year 9'])('takes %j as an age', (age) => {
    expect(interpretAnswer('childAge', age, words)).toEqual({ kind: 'answer', value: age });
  });

  it('skips the age with the skip words, and asks again only when it is far too long', () => {
    expect(interpretAnswer('childAge', "don't know", words)).toEqual({ kind: 'skip' });
    expect(interpretAnswer('childAge', 'x'.repeat(101), words)).toEqual({ kind: 'retry', reason: 'too-long' });
  });

  it('takes yes, no or not sure for whether the parents know, and settles for skipped when unclear', () => {
    expect(interpretAnswer('parentsKnow', 'yes they know', words)).toEqual({ kind: 'answer', value: 'yes' });
    expect(interpretAnswer('parentsKnow', "no they don't", words)).toEqual({ kind: 'answer', value: 'no' });
    expect(interpretAnswer('parentsKnow', 'not sure', words)).toEqual({ kind: 'answer', value: 'not-sure' });
    expect(interpretAnswer('parentsKnow', 'skip', words)).toEqual({ kind: 'skip' });
    expect(interpretAnswer('parentsKnow', 'hmm', words, 0)).toEqual({ kind: 'retry', reason: 'no-choice' });
    expect(interpretAnswer('parentsKnow', 'hmm', words, 2)).toEqual({ kind: 'skip' });
  });

  it('asks the age and the parents only about a child (or not sure), and never asks a parent whether the parents know', () => {
    expect(asksQuestion('childAge', draft({ subject: 'child' }))).toBe(true);
    expect(asksQuestion('childAge', draft({ subject: null }))).toBe(true);
    expect(asksQuestion('childAge', draft({ subject: 'place' }))).toBe(false);
    // Whether children are involved is asked about a place only (it decides whether the front door gets it too).
    expect(asksQuestion('childrenInvolved', draft({ subject: 'place' }))).toBe(true);
    expect(asksQuestion('childrenInvolved', draft({ subject: 'child' }))).toBe(false);
    expect(asksQuestion('childrenInvolved', draft({ subject: 'not-sure' }))).toBe(false);
    expect(nextQuestion('whoAtRisk', draft({ subject: 'place' }))).toBe('childrenInvolved');
    expect(nextQuestion('whoAtRisk', draft({ subject: 'child' }))).toBe('relationship');
    expect(asksQuestion('parentsKnow', draft({ subject: 'place', relationship: 'neighbour' }))).toBe(false);
    expect(asksQuestion('parentsKnow', draft({ subject: 'child', relationship: 'parent' }))).toBe(false);
    expect(asksQuestion('parentsKnow', draft({ subject: 'not-sure', relationship: 'self' }))).toBe(true);
    expect(nextQuestion('whoAtRisk', draft({ subject: 'child' }))).toBe('relationship');
    expect(nextQuestion('relationship', draft({ subject: 'place' }))).toBe('place');
    expect(nextQuestion('childAge', draft({ subject: 'child', relationship: 'parent' }))).toBe('place');
    expect(nextQuestion('communicationNeeds', draft({}))).toBeUndefined();
  });

  it('finds a question a changed answer made apply that was never asked', () => {
    const placeFirst = draft({ subject: 'child', worry: null, whoAtRisk: null, relationship: 'neighbour', place: null });
    expect(unaskedQuestion(placeFirst)).toBe('childAge');
    expect(unaskedQuestion({ ...placeFirst, answers: { ...placeFirst.answers, childAge: null, parentsKnow: 'no', when: null, dangerNow: null, peopleInvolved: null, howTheyKnow: null, communicationNeeds: null } })).toBeUndefined();
  });

  it('stores the new answers, "reporter-is-parent" for a parent, nothing that was not asked, and the concern it follows', () => {
    const ctx = { ref: 'K7PM-3XQ9-RT4W-HN2C', agency: 'x', now: new Date('2026-11-24T10:00:00Z'), channel: 'webchat', urgentFromChat: false, consentWording: 'w' };
    const parent = buildConcern(draft({ subject: 'child', relationship: 'parent', childAge: '13 or 14' }), ctx, words);
    expect(parent.answers).toMatchObject({ relationship: "I'm their parent or carer", childAge: '13 or 14', parentsKnow: 'reporter-is-parent' });
    expect(parent.follows).toBeNull();
    const place = buildConcern({ ...draft({ subject: 'place', relationship: 'the shop owner', childAge: '14', parentsKnow: 'no' }), follows: 'AAAA-BBBB-CCCC-DDDD' }, ctx, words);
    expect(place.answers).toMatchObject({ relationship: 'the shop owner', childAge: null, parentsKnow: null });
    expect(place.follows).toBe('AAAA-BBBB-CCCC-DDDD');
    expect(concernSchema.parse(place)).toEqual(place);
    expect(place.shares).toEqual([]);
  });

  it('gives each agency the route sends it to as well a part of its own, and stores whether children are involved', () => {
    const ctx = { ref: 'K7PM-3XQ9-RT4W-HN2C', agency: 'police', alsoTo: ['front-door'], now: new Date('2026-11-24T10:00:00Z'), channel: 'webchat', urgentFromChat: false, consentWording: 'w' };
    const place = buildConcern(draft({ subject: 'place', childrenInvolved: 'yes' }), ctx, words);
    expect(place.answers.childrenInvolved).toBe('yes');
    expect(place.shares).toEqual([{ agency: 'front-door', at: '2026-11-24T10:00:00.000Z', by: 'routing', from: null, reason: null, triage: newTriageRecord() }]);
    expect(concernSchema.parse(place)).toEqual(place);
    // Not asked about a child: never stored, whatever the draft holds.
    expect(buildConcern(draft({ subject: 'child', childrenInvolved: 'yes' }), ctx, words).answers.childrenInvolved).toBeNull();
  });

  it('reads a concern stored before these questions: the new answers and "follows" are null', () => {
    const ctx = { ref: 'K7PM-3XQ9-RT4W-HN2C', agency: 'x', now: new Date('2026-11-24T10:00:00Z'), channel: 'webchat', urgentFromChat: false, consentWording: 'w' };
    const stored = JSON.parse(JSON.stringify(buildConcern(draft({ subject: 'child' }), ctx, words))) as Record<string, unknown> & { answers: Record<string, unknown> };
    delete stored.answers.relationship;
    delete stored.answers.childAge;
    delete stored.answers.parentsKnow;
    delete stored.follows;
    const read = concernSchema.parse(stored);
    expect(read.answers).toMatchObject({ relationship: null, childAge: null, parentsKnow: null });
    expect(read.follows).toBeNull();
  });
});

describe('parseContactDetail', () => {
  it.each(['07700 900123', '+44 7700 900123', '0114 273 4855', '(01226) 772423', 'kim@example.org'])('accepts %j', (text) => {
    expect(parseContactDetail(text)).toBeDefined();
  });
  it.each(['call me', '12345', 'kim@', '0800', '07700 9001234567'])('refuses %j', (text) => {
    expect(parseContactDetail(text)).toBeUndefined();
  });
});

describe('own details', () => {
  it('reads which listed details are the reporter\'s', () => {
    expect(parseDetailChoice('1', 3, ['none'])).toEqual([0]);
    expect(parseDetailChoice('1 and 3', 3, ['none'])).toEqual([0, 2]);
    expect(parseDetailChoice('3,1,1', 3, ['none'])).toEqual([0, 2]);
    expect(parseDetailChoice('None', 3, ['none'])).toEqual([]);
    expect(parseDetailChoice('all', 2, ['none'])).toEqual([0, 1]);
    expect(parseDetailChoice('4', 3, ['none'])).toBeUndefined();
    expect(parseDetailChoice('the first one', 3, ['none'])).toBeUndefined();
  });

  it('removes every occurrence of the chosen details from every answer, and counts them', () => {
    const draft: ReportDraft = {
      submissionId: '00000000-0000-4000-8000-000000000000',
      answers: { worry: 'Ring Sam on 07700 900123. Sam says 07700 900123 is best.', peopleInvolved: 'Tiny 07700 900999', subject: 'child' },
      removedDetails: 0,
    };
    const out = removeDetails(draft, [{ text: '07700 900123', category: 'phone' }], '[removed]');
    expect(out.answers.worry).toBe('Ring Sam on [removed]. Sam says [removed] is best.');
    expect(out.answers.peopleInvolved).toBe('Tiny 07700 900999');
    expect(out.answers.subject).toBe('child');
    expect(out.removedDetails).toBe(1);
  });
});
