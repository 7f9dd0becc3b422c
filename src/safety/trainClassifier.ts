import { CLASSIFIER_CLASSES, scores, softmax, type ClassifierClass, type ModelData } from './textClassifier';
import type { FeatureOptions } from './features';

/*
 * Training for the safety classifier: stochastic gradient descent on the log loss with L2, in a fixed
 * order drawn from a seeded generator, so the same data and seed give the same model, weight for weight.
 */

export interface TrainingExample {
  features: readonly string[];
  label: ClassifierClass;
}

export interface TrainingOptions {
  features: FeatureOptions;
  windowWords: number;
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training messages than this are left out. */
  minCount: number;
  /** How much each class's mistakes weigh (missing danger costs more than a false alarm). */
  classWeights: Record<ClassifierClass, number>;
}

/** mulberry32: a small, fast, seedable generator (the same seed gives the same sequence everywhere). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Rounds a weight for the model file (6 decimals are far below what changes a decision). */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function trainClassifier(examples: readonly TrainingExample[], options: TrainingOptions): ModelData {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string) => (counts.get(f) ?? 0) >= options.minCount;
  const rows = examples.map((e) => ({
    features: e.features.filter(kept),
    total: e.features.length,
    y: CLASSIFIER_CLASSES.indexOf(e.label),
    weight: options.classWeights[e.label],
  }));

  const C = CLASSIFIER_CLASSES.length;
  const weights = new Map<string, number[]>();
  const bias = new Array<number>(C).fill(0);
  const random = seededRandom(options.seed);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const row of shuffled(rows, random)) {
      const lr = options.learningRate / (1 + 0.0005 * step++);
      const p = softmax(scores(row.features, (f) => weights.get(f), bias, row.total));
      const value = row.total ? 1 / Math.sqrt(row.total) : 0;
      for (let c = 0; c < C; c++) {
        const g = (p[c]! - (c === row.y ? 1 : 0)) * row.weight;
        bias[c]! -= lr * g;
        for (const f of row.features) {
          let w = weights.get(f);
          if (!w) weights.set(f, (w = new Array<number>(C).fill(0)));
          w[c]! -= lr * (g * value + options.l2 * w[c]!);
        }
      }
    }
  }

  const out: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f)!.map(round);
    if (w.some((v) => v !== 0)) out[f] = w;
  }
  return {
    classes: [...CLASSIFIER_CLASSES],
    features: options.features,
    windowWords: options.windowWords,
    bias: bias.map(round),
    weights: out,
  };
}
