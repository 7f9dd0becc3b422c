import { TextClassifier } from '../../src/safety/textClassifier';
import { seededRandom, trainClassifier, type TrainingExample, type TrainingOptions } from '../../src/safety/trainClassifier';

const OPTIONS: TrainingOptions = {
  features: { words: true, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false },
  windowWords: 10,
  seed: 7,
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  minCount: 1,
  classWeights: { none: 1, danger: 1, 'self-harm': 1, disclosure: 1 },
};

const examples: TrainingExample[] = [
  ...['w:knife w:outside', 'w:knife w:door', 'w:gun w:outside'].map((f) => ({ features: f.split(' '), label: 'danger' as const })),
  ...['w:pills w:tonight', 'w:die w:tonight', 'w:pills w:die'].map((f) => ({ features: f.split(' '), label: 'self-harm' as const })),
  ...['w:carry w:owe', 'w:owe w:them', 'w:carry w:them'].map((f) => ({ features: f.split(' '), label: 'disclosure' as const })),
  ...['w:trainers w:phone', 'w:school w:phone', 'w:trainers w:school'].map((f) => ({ features: f.split(' '), label: 'none' as const })),
];

describe('trainClassifier', () => {
  it('learns to tell the classes apart', () => {
    const model = new TextClassifier(trainClassifier(examples, OPTIONS));
    const top = (features: string[]) => Object.entries(model.probabilities(features)).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top(['w:knife'])).toBe('danger');
    expect(top(['w:pills'])).toBe('self-harm');
    expect(top(['w:owe'])).toBe('disclosure');
    expect(top(['w:trainers'])).toBe('none');
  });

  it('gives the same model, weight for weight, for the same data and seed; another seed another order', () => {
    const a = JSON.stringify(trainClassifier(examples, OPTIONS));
    expect(JSON.stringify(trainClassifier(examples, OPTIONS))).toBe(a);
    expect(JSON.stringify(trainClassifier(examples, { ...OPTIONS, seed: 8 }))).not.toBe(a);
  });

  it('leaves out features seen in fewer messages than minCount', () => {
    const model = trainClassifier([...examples, { features: ['w:once'], label: 'danger' }], { ...OPTIONS, minCount: 2 });
    expect(model.weights['w:once']).toBeUndefined();
    expect(model.weights['w:knife']).toBeDefined();
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
