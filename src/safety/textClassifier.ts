import { z } from 'zod';
import { featureOptionsSchema, type FeatureOptions } from './features';

/*
 * A multinomial logistic regression over sparse binary features: a weight per feature and class, a bias
 * per class, softmax on top. Small, fast (a few hundred map lookups per message) and easy to check.
 */

export const CLASSIFIER_CLASSES = ['none', 'danger', 'self-harm', 'disclosure'] as const;
export type ClassifierClass = (typeof CLASSIFIER_CLASSES)[number];
export type ClassProbabilities = Record<ClassifierClass, number>;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const perClass = z.array(finite).length(CLASSIFIER_CLASSES.length);

export const modelSchema = z.strictObject({
  classes: z.tuple([z.literal('none'), z.literal('danger'), z.literal('self-harm'), z.literal('disclosure')]),
  features: featureOptionsSchema,
  /** Messages longer than this many words are also scored window by window. */
  windowWords: z.number().int().min(4).max(200),
  bias: perClass,
  weights: z.record(z.string().min(2), perClass),
});

export type ModelData = z.infer<typeof modelSchema>;

export class TextClassifier {
  private readonly weights: Map<string, readonly number[]>;

  constructor(private readonly data: ModelData) {
    this.weights = new Map(Object.entries(data.weights));
  }

  get featureOptions(): FeatureOptions {
    return this.data.features;
  }

  get windowWords(): number {
    return this.data.windowWords;
  }

  get size(): number {
    return this.weights.size;
  }

  /** The probability of each class for a message with these features (each counted once). */
  probabilities(features: readonly string[]): ClassProbabilities {
    return softmaxByClass(scores(features, (f) => this.weights.get(f), this.data.bias));
  }
}

/** Bias plus the sum of the known features' weights, each feature scaled so that long messages are not louder. */
export function scores(
  features: readonly string[],
  weightOf: (f: string) => readonly number[] | undefined,
  bias: readonly number[],
  /** How many features the message had before unknown ones were dropped (training drops rare ones first). */
  total = features.length,
): number[] {
  const z = [...bias];
  const value = total ? 1 / Math.sqrt(total) : 0;
  for (const f of features) {
    const w = weightOf(f);
    if (!w) continue;
    for (let c = 0; c < z.length; c++) z[c]! += w[c]! * value;
  }
  return z;
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function softmaxByClass(z: readonly number[]): ClassProbabilities {
  const p = softmax(z);
  return { none: p[0]!, danger: p[1]!, 'self-harm': p[2]!, disclosure: p[3]! };
}
