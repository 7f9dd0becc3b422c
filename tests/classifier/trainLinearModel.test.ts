import { LinearModel } from '../../src/classifier/linearModel';
import { seededRandom, trainLinearModel, type TrainingExample, type TrainingOptions } from '../../src/classifier/trainLinearModel';

const OPTIONS: TrainingOptions = {
  features: { words: true, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false, phraseChars: null },
  windowWords: 10,
  seed: 7,
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  minCount: 1,
  average: 1,
  prune: 0,
  classWeights: { none: 1, danger: 1, 'self-harm': 1, disclosure: 1 },
};

const examples: TrainingExample[] = [
  ...['w:knife w:outside', 'w:knife w:door', 'w:gun w:outside'].map((f) => ({ features: f.split(' '), label: 'danger' as const })),
  ...['w:pills w:tonight', 'w:die w:tonight', 'w:pills w:die'].map((f) => ({ features: f.split(' '), label: 'self-harm' as const })),
  ...['w:carry w:owe', 'w:owe w:them', 'w:carry w:them'].map((f) => ({ features: f.split(' '), label: 'disclosure' as const })),
  ...['w:trainers w:phone', 'w:school w:phone', 'w:trainers w:school'].map((f) => ({ features: f.split(' '), label: 'none' as const })),
];

describe('trainLinearModel', () => {
  it('learns to tell the classes apart', () => {
    const model = new LinearModel(trainLinearModel(examples, OPTIONS));
    const top = (features: string[]) => {
      const p = model.probabilities(features);
      return model.classes[p.indexOf(Math.max(...p))];
    };
    expect(top(['w:knife'])).toBe('danger');
    expect(top(['w:pills'])).toBe('self-harm');
    expect(top(['w:owe'])).toBe('disclosure');
    expect(top(['w:trainers'])).toBe('none');
  });

  it('gives the same model, weight for weight, for the same data and seed; another seed another order', () => {
    const a = JSON.stringify(trainLinearModel(examples, OPTIONS));
    expect(JSON.stringify(trainLinearModel(examples, OPTIONS))).toBe(a);
    expect(JSON.stringify(trainLinearModel(examples, { ...OPTIONS, seed: 8 }))).not.toBe(a);
  });

  it('averages several runs in different orders into one model, and drops near-zero weights', () => {
    const one = trainLinearModel(examples, OPTIONS);
    const three = trainLinearModel(examples, { ...OPTIONS, average: 3 });
    expect(JSON.stringify(three)).not.toBe(JSON.stringify(one));
    expect(three.rows.map((r) => r[0])).toEqual(one.rows.map((r) => r[0]));
    const pruned = trainLinearModel(examples, { ...OPTIONS, prune: 10 });
    expect(pruned.rows).toEqual([]);
  });

  it('refuses an example whose label is not one of the classes', () => {
    expect(() => trainLinearModel([...examples, { features: ['w:x'], label: 'other' }], OPTIONS)).toThrow(/not one of/);
  });

  it('leaves out features seen in fewer messages than minCount', () => {
    const model = trainLinearModel([...examples, { features: ['w:once'], label: 'danger' }], { ...OPTIONS, minCount: 2 });
    expect(model.rows.find((r) => r[0] === 'w:once')).toBeUndefined();
    expect(model.rows.find((r) => r[0] === 'w:knife')).toBeDefined();
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays within [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
