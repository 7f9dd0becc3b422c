import { decide, type SafetyScores } from '../../src/safety/safetyDetector';
import type { Thresholds } from '../../src/safety/safetyModel';
import { safety } from '../helpers/transcript';

const T: Thresholds = { danger: { unsure: 0.4, sure: 0.6 }, 'self-harm': { unsure: 0.3, sure: 0.5 }, disclosure: { sure: 0.5 } };
const scores = (p: Partial<SafetyScores['probabilities']>, extra: Partial<SafetyScores> = {}): SafetyScores => ({
  probabilities: { none: 1, danger: 0, 'self-harm': 0, disclosure: 0, ...p },
  rule: { kind: 'none' },
  ...extra,
});

describe('decide (the layers and the bands)', () => {
  it('a rule for danger or self-harm answers at once, whatever the model says', () => {
    expect(decide(scores({}, { rule: { kind: 'danger', rule: 'weapon-present' } }), T)).toMatchObject({ kind: 'danger', certainty: 'sure', source: { layer: 'rule', rule: 'weapon-present' } });
  });

  it('above "sure" the model answers at once; between "unsure" and "sure" it asks first; below, nothing', () => {
    expect(decide(scores({ danger: 0.7 }), T)).toMatchObject({ kind: 'danger', certainty: 'sure' });
    expect(decide(scores({ danger: 0.5 }), T)).toMatchObject({ kind: 'danger', certainty: 'unsure', disclosure: false });
    expect(decide(scores({ danger: 0.3 }), T)).toEqual({ kind: 'none' });
  });

  it('each alarm has its own thresholds, and a sure alarm beats an unsure one', () => {
    expect(decide(scores({ 'self-harm': 0.35 }), T)).toMatchObject({ kind: 'self-harm', certainty: 'unsure' });
    expect(decide(scores({ danger: 0.5, 'self-harm': 0.55 }), T)).toMatchObject({ kind: 'self-harm', certainty: 'sure' });
    expect(decide(scores({ danger: 0.9, 'self-harm': 0.55 }), T)).toMatchObject({ kind: 'danger', certainty: 'sure' });
  });

  it('remembers that an unsure alarm also reads as a disclosure, for the reply after "No"', () => {
    expect(decide(scores({ danger: 0.5, disclosure: 0.6 }), T)).toMatchObject({ certainty: 'unsure', disclosure: true });
  });

  it('a disclosure by rule or by the model; the past only by the rules\' cues', () => {
    expect(decide(scores({ disclosure: 0.6 }), T)).toEqual({ kind: 'disclosure', source: { layer: 'model' } });
    expect(decide(scores({}, { rule: { kind: 'disclosure', rule: 'owe-them' } }), T)).toEqual({ kind: 'disclosure', source: { layer: 'rule', rule: 'owe-them' } });
    expect(decide(scores({}, { rule: { kind: 'past', rule: 'violence-now' } }), T)).toEqual({ kind: 'past' });
  });
});

describe('SafetyDetector (the real rules, lexicon and model)', () => {
  const check = (text: string) => safety.detector.check(text);

  it('answers plain danger and self-harm at once', () => {
    expect(check('theyre outside my house with a knife right now')).toMatchObject({ kind: 'danger', certainty: 'sure' });
    expect(check('i want to kill myself tonight')).toMatchObject({ kind: 'self-harm', certainty: 'sure' });
  });

  it('fits the reply: an overdose already taken, someone being hurt nearby; otherwise the plain reply', () => {
    expect(check('i swallowed all of my mums paracetamol an hour ago but i feel ok')).toMatchObject({ kind: 'self-harm', variant: 'overdose' });
    expect(check('i can hear a child screaming next door and thuds, someone is hurting him')).toMatchObject({ kind: 'danger', variant: 'hurt-nearby' });
    expect(check('theyre outside my house with a knife right now')).not.toHaveProperty('variant');
  });

  it('catches each kind of message the rules alone used to miss (written for this test, not from the corpus)', () => {
    const cases: Array<[string, string]> = [
      ['ive got the pills lined up on my bed and im going to take them all tonight', 'self-harm'], // a plan, the means at hand
      ['been saving my nans sleeping tablets for weeks, theres enough now', 'self-harm'],
      ['he just got slashed across the face outside the chippy, theres blood everywhere', 'danger'], // violence just now
      ['our 14 year old is out with that gang right now and hes not answering his phone', 'danger'], // with the gang, not answering
    ];
    for (const [text, kind] of cases) expect([text, check(text).kind]).toEqual([text, kind]);
    expect(check('i swallowed a whole box of paracetamol an hour ago but i feel fine now')).toMatchObject({ variant: 'overdose' }); // an overdose taken
  });

  it('leaves ordinary questions and idioms alone', () => {
    for (const text of ['what are the signs of county lines', 'hello', 'I could murder a brew', 'she absolutely killed it at the talent show']) {
      expect(check(text).kind).toBe('none');
    }
  });

  it('finds danger typed in the middle of a long, ordinary message', () => {
    const filler = 'we went to the park after school and then to the shop for sweets and it was fine. ';
    const text = `${filler.repeat(20)}hes got a knife to my brothers throat right now outside the flats. ${filler.repeat(20)}`.slice(0, 4000);
    expect(check(text)).toMatchObject({ kind: 'danger' });
  });
});
