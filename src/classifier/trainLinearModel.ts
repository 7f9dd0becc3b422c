import { softmax, type FeatureRow, type LinearModelRows } from './linearModel';
import type { FeatureOptions } from './features';

/*
 * Training for the safety classifier: stochastic gradient descent on the log loss with L2, in a fixed
 * order drawn from a seeded generator, so the same data and seed give the same model, weight for weight.
 */

export interface TrainingExample<C extends string = string> {
  features: readonly string[];
  label: C;
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
  /** Models trained (seeds seed, seed+1, ...) and averaged weight for weight: steadier than one run. */
  average: number;
  /** Features whose largest weight is below this are dropped from the file (the model stays small). */
  prune: number;
  /** The classes, in the order the model keeps them, and how much each class's mistakes weigh. */
  classWeights: Record<string, number>;
}

/** The settings a model file records (trainingSettingsShape), in that order, from the options it was trained with. */
export function trainingSettings(o: TrainingOptions) {
  return { seed: o.seed, epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, minCount: o.minCount, average: o.average, prune: o.prune };
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

/** Trains `average` models on the same data in different orders and averages them. */
export function trainLinearModel(examples: readonly TrainingExample[], options: TrainingOptions): LinearModelRows {
  const prepared = prepare(examples, options);
  const runs = Array.from({ length: options.average }, (_, i) => trainOnce(prepared, options, options.seed + i));
  const { classes } = prepared;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const bias = classes.map((_, c) => round(mean(runs.map((r) => r.bias[c]!))));
  const features = [...new Set(runs.flatMap((r) => [...r.weights.keys()]))].sort();
  const rows: FeatureRow[] = [];
  for (const f of features) {
    const w = classes.map((_, c) => round(mean(runs.map((r) => r.weights.get(f)?.[c] ?? 0))));
    if (w.some((v) => Math.abs(v) >= options.prune)) rows.push([f, ...w]);
  }
  return { classes, features: options.features, windowWords: options.windowWords, bias, rows };
}

/** The examples as training runs use them: features numbered once, each message's weight and scale. */
interface Prepared {
  classes: string[];
  index: Map<string, number>;
  rows: Array<{ features: Int32Array; value: number; y: number; weight: number }>;
}

/** Done once for all the averaged runs: every run numbers the same features the same way. */
function prepare(examples: readonly TrainingExample[], options: TrainingOptions): Prepared {
  const classes = Object.keys(options.classWeights);
  for (const e of examples) if (!classes.includes(e.label)) throw new Error(`training example labelled ${e.label}, which is not one of ${classes.join(', ')}`);
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= options.minCount) index.set(f, index.size);
  const rows = examples.map((e) => ({
    features: Int32Array.from(e.features.filter((f) => index.has(f)).map((f) => index.get(f)!)),
    value: e.features.length ? 1 / Math.sqrt(e.features.length) : 0,
    y: classes.indexOf(e.label),
    weight: options.classWeights[e.label] ?? 0,
  }));
  return { classes, index, rows };
}

/** One training run, in the order `seed` draws: weights in one flat array, so each step is plain arithmetic. */
function trainOnce({ classes, index, rows }: Prepared, options: TrainingOptions, seed: number): { bias: number[]; weights: Map<string, number[]> } {
  const C = classes.length;
  const w = new Float64Array(index.size * C);
  const bias = new Array<number>(C).fill(0);
  const z = new Array<number>(C).fill(0);
  const random = seededRandom(seed);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const row of shuffled(rows, random)) {
      const lr = options.learningRate / (1 + 0.0005 * step++);
      for (let c = 0; c < C; c++) {
        let sum = 0;
        for (const f of row.features) sum += w[f * C + c]!;
        z[c] = bias[c]! + sum * row.value;
      }
      const p = softmax(z);
      for (let c = 0; c < C; c++) {
        const g = (p[c]! - (c === row.y ? 1 : 0)) * row.weight;
        bias[c]! -= lr * g;
        for (const f of row.features) {
          const at = f * C + c;
          w[at] = w[at]! - lr * (g * row.value + options.l2 * w[at]!);
        }
      }
    }
  }

  const weights = new Map<string, number[]>();
  for (const [f, i] of index) weights.set(f, Array.from(w.subarray(i * C, i * C + C)));
  return { bias, weights };
}
