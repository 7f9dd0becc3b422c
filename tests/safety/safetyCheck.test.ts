import { join } from 'node:path';
import { evaluateSafety, loadSafetySet } from '../../scripts/safetyEvaluation';
import { ContentError } from '../../src/content/loadYaml';
import { checkSafety, normaliseMessage } from '../../src/safety/safetyCheck';
import { compileSafetyRules, type SafetyFile } from '../../src/safety/safetyRules';
import { contentDir, safety } from '../helpers/transcript';

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
    replies: { danger: { text: 'd' }, 'self-harm': { text: 's' }, disclosure: { text: 'x' }, past: { text: 'p' }, resume: 'r' },
  };

  it('refuses a broken pattern, an unknown term list and a duplicate id, naming the problem', () => {
    expect(() => compileSafetyRules({ ...base, past: ['(unclosed'] })).toThrow(ContentError);
    expect(() => compileSafetyRules({ ...base, general: ['{nosuch}'] })).toThrow(/unknown term list \{nosuch\}/);
    expect(() => compileSafetyRules({ ...base, rules: [...base.rules, { ...base.rules[0]!, match: ['w'] }] })).toThrow(/used twice/);
  });
});

/** The labelled set in tests/safety/safety-set.json, through the check the bot uses. */
describe('the labelled safety set', () => {
  const items = loadSafetySet(join(contentDir, '..'));
  const f = evaluateSafety(safety, items);

  it('has at least 150 messages that must trigger and 150 that must not', () => {
    expect(items.filter((i) => i.expect !== 'none').length).toBeGreaterThanOrEqual(150);
    expect(f.mustNot).toBeGreaterThanOrEqual(150);
  });

  it('catches every immediate danger and every self-harm message (recall 100%)', () => {
    expect(f.misses.filter((m) => m.expect === 'danger' || m.expect === 'self-harm')).toEqual([]);
    expect(f.recall.danger.caught).toBe(f.recall.danger.labelled);
    expect(f.recall['self-harm'].caught).toBe(f.recall['self-harm'].labelled);
  });

  it('raises false alarms on at most 5% of the messages that must not trigger', () => {
    expect(f.falsePositives / f.mustNot).toBeLessThanOrEqual(0.05);
  });
});
