import { emitFeatures, featuresOf, type FeatureOptions } from '../../src/classifier/features';
import { foldText, tokensOf } from '../../src/classifier/foldText';
import { LinearModel, linearModelSchema, type LinearModelData } from '../../src/classifier/linearModel';
import { trainLinearModel } from '../../src/classifier/trainLinearModel';

const FEATURES: FeatureOptions = { words: true, bigrams: true, chars: [3, 5], concepts: true, conceptPairs: true, ruleCues: true, phraseChars: [4, 6] };

const texts: Array<[string, string]> = [
  ['hes got a knife outside the door right now', 'danger'],
  ['they are kicking the door in', 'danger'],
  ['i took all my mums tablets', 'self-harm'],
  ['i dont want to be here anymore', 'self-harm'],
  ['they make me carry stuff for them', 'disclosure'],
  ['i owe them money so i have to keep going', 'disclosure'],
  ['my son has new trainers and two phones', 'none'],
  ['what does going country mean', 'none'],
];
const tokens = (text: string) => tokensOf(foldText(text));
const model = new LinearModel(
  trainLinearModel(
    texts.map(([text, label]) => ({ features: featuresOf(tokens(text), ['knife'], FEATURES, ['q:now']), label })),
    { features: FEATURES, windowWords: 50, seed: 1, epochs: 20, learningRate: 1, l2: 1e-4, minCount: 1, average: 1, prune: 0, classWeights: { none: 1, danger: 1, 'self-harm': 1, disclosure: 1 } },
  ),
);

describe('LinearModel', () => {
  it('scores features hashed in place exactly as it scores their names', () => {
    for (const text of [...texts.map(([t]) => t), 'a message it never saw, with words it does not know', 'x']) {
      const byName = model.probabilities(featuresOf(tokens(text), ['knife'], FEATURES, ['q:now']));
      const inPlace = model.score((sink) => emitFeatures(tokens(text), ['knife'], FEATURES, ['q:now'], sink));
      inPlace.forEach((p, i) => expect(p).toBeCloseTo(byName[i]!, 12));
    }
  });

  it('counts a feature once however often it appears, also in a message with thousands of features', () => {
    const long = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const byName = model.probabilities(featuresOf(tokens(`${long} ${long}`), [], FEATURES));
    const inPlace = model.score((sink) => emitFeatures(tokens(`${long} ${long}`), [], FEATURES, [], sink));
    inPlace.forEach((p, i) => expect(p).toBeCloseTo(byName[i]!, 12));
  });

  it('gives probabilities that sum to 1', () => {
    const p = model.probabilities(featuresOf(tokens('hes got a knife'), [], FEATURES));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('the model file schema', () => {
  const good: LinearModelData = { classes: ['a', 'b'], features: FEATURES, windowWords: 50, bias: [0, 0], rows: [['w:x', 1, -1]] };

  it('accepts a well-formed model and refuses rows that do not fit', () => {
    expect(linearModelSchema.safeParse(good).success).toBe(true);
    expect(linearModelSchema.safeParse({ ...good, rows: [['w:x', 1]] }).success).toBe(false);
    expect(linearModelSchema.safeParse({ ...good, rows: [['w:x', 1, Number.NaN]] }).success).toBe(false);
    expect(linearModelSchema.safeParse({ ...good, rows: [['w:x', 1, 2], ['w:x', 3, 4]] }).success).toBe(false);
    expect(linearModelSchema.safeParse({ ...good, bias: [0] }).success).toBe(false);
  });
});
