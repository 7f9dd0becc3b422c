import { parseContactDetail } from '../../src/concerns/contactDetails';
import { parseDetailChoice, removeDetails } from '../../src/concerns/ownDetails';
import { interpretAnswer, type ReportDraft } from '../../src/concerns/reportDraft';
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
