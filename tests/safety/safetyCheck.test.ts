import { join } from 'node:path';
import { loadWriter } from '../../scripts/safety/corpus';
import { ContentError } from '../../src/content/loadYaml';
import { checkSafety, normaliseMessage, viewByRules } from '../../src/safety/safetyCheck';
import { compileSafetyRules, type SafetyFile } from '../../src/safety/safetyRules';
import { contentDir, safety as bundle } from '../helpers/transcript';

const safety = bundle.rules;

describe('normaliseMessage', () => {
  it('handles case, curly apostrophes and quotes, repeated letters, emoji and text-speak', () => {
    expect(normaliseMessage('I’M SCARED they’ll get me TN', safety)).toBe('im scared theyll get me tonight');
    expect(normaliseMessage('pleeeease help hes got a nife', safety)).toBe('please help hes got a knife');
    expect(normaliseMessage('outside with 🔪🔪 rn', safety)).toBe('outside with knife knife right now');
    expect(normaliseMessage('“help   they’ve got me”', safety)).toBe('help theyve got me');
  });
});

describe('checkSafety', () => {
  const kind = (text: string) => checkSafety(text, safety).kind;

  it('matches whole words only: "skilled" is not "killed", "shanklin" is not "shank"', () => {
    expect(kind('skilled')).toBe('none');
    expect(kind('going to shanklin for half term')).toBe('none');
    expect(kind('i’d kill for a holiday')).toBe('none');
  });

  it('tells now from then: a past stabbing is not an emergency, but still gets a kind word', () => {
    expect(kind('my son was stabbed last year')).toBe('past');
    expect(kind('someone was stabbed outside and he is still here')).toBe('danger');
  });

  it('tells a question about knives from a knife present now', () => {
    expect(kind('what should I do if someone has a knife')).not.toBe('danger');
    expect(kind('he has got a knife')).toBe('danger');
  });

  it('puts self-harm before danger when both match (the self-harm reply also says 999)', () => {
    expect(kind('I’ve got a blade and I keep cutting my arms')).toBe('self-harm');
  });
});

describe('the rules file', () => {
  const base: SafetyFile = {
    owner: 'o',
    reviewed: '2026-01-01',
    respell: {},
    emoji: {},
    terms: {},
    rules: [
      { id: 'a', kind: 'danger', match: ['x'], timeless: false },
      { id: 'b', kind: 'self-harm', match: ['y'], timeless: false },
      { id: 'c', kind: 'disclosure', match: ['z'], timeless: false },
    ],
    past: ['p'],
    general: ['g'],
    now: ['n'],
    replies: {
      ...Object.fromEntries(['danger', 'self-harm', 'disclosure', 'past', 'hurtNearby', 'overdose'].map((k) => [k, { text: k, sources: ['https://example.org/'] }])),
      checkIn: { text: 'c', again: 'a', yes: { label: 'Yes', synonyms: ['yes'] }, no: { label: 'No', synonyms: ['no'] }, unsure: ['idk'] },
      resume: 'r',
    } as SafetyFile['replies'],
  };

  it('refuses a broken pattern, an unknown term list and a duplicate id, naming the problem', () => {
    expect(() => compileSafetyRules({ ...base, past: ['(unclosed'] })).toThrow(ContentError);
    expect(() => compileSafetyRules({ ...base, general: ['{nosuch}'] })).toThrow(/unknown term list \{nosuch\}/);
    expect(() => compileSafetyRules({ ...base, rules: [...base.rules, { ...base.rules[0]!, match: ['w'] }] })).toThrow(/used twice/);
  });
});

describe('viewByRules', () => {
  it('gives the verdict and every cue the rules see, as feature names', () => {
    const view = viewByRules('my son was stabbed last year', safety);
    expect(view.result.kind).toBe('past');
    expect(view.cues).toEqual(expect.arrayContaining(['r:violence-now', 'r:danger', 'q:past']));
    expect(viewByRules('hello', safety)).toEqual({ result: { kind: 'none' }, cues: [] });
  });
});

/**
 * The rules are the first layer: whatever the model does, they still catch every danger and self-harm
 * message in the project authors' early set (tests/safety/corpus/project-authors.jsonl), which they were
 * written against. Figures on messages nobody here wrote come from npm run eval:safety.
 */
describe('the rules on the project authors\' early set', () => {
  const items = loadWriter(join(contentDir, '..'), 'project-authors', 'train');

  it('catch every immediate danger and self-harm message there', () => {
    const missed = items.filter((m) => (m.label === 'danger' || m.label === 'self-harm') && checkSafety(m.text, safety).kind !== m.label);
    expect(missed.map((m) => m.text)).toEqual([]);
    expect(items.filter((m) => m.label === 'danger').length).toBeGreaterThanOrEqual(70);
  });
});
