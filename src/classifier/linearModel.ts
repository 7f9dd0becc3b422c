import { z } from 'zod';
import { FIRST_SEEDS, fnv, mul31 } from './featureHash';
import { FeatureTable } from './featureTable';
import { emitFeatures, featureOptionsSchema, type FeatureOptions, type FeatureSink } from './features';

/*
 * A multinomial logistic regression over sparse binary features: a weight per feature and class, a bias
 * per class, softmax on top. Small, fast (a few hundred map lookups per message) and easy to check. The
 * safety classifier and the language identifier are both one of these.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** One feature: its name, then its weight for each class. */
export type FeatureRow = [string, ...number[]];

/** The first thing wrong with the rows, or undefined. A plain loop: a model has 100,000+ of them. */
export function rowsProblem(rows: unknown, classes: number): string | undefined {
  if (!Array.isArray(rows)) return 'rows must be a list';
  const names = new Set<string>();
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== classes + 1 || typeof row[0] !== 'string' || row[0].length < 2) return 'each row is a feature name and one weight per class';
    if (names.has(row[0])) return `feature "${row[0]}" is listed twice`;
    names.add(row[0]);
    for (let c = 1; c <= classes; c++) if (typeof row[c] !== 'number' || !Number.isFinite(row[c])) return `feature "${row[0]}" has a weight that is not a finite number`;
  }
  return undefined;
}

/** How a model was trained, as its file records it (see trainingSettings): the same settings and data give the same model. */
export const trainingSettingsShape = {
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  learningRate: z.number().positive(),
  l2: z.number().min(0),
  minCount: z.number().int().positive(),
  average: z.number().int().positive(),
  prune: z.number().min(0),
};

export const linearModelSchema = z
  .strictObject({
    classes: z.array(z.string().min(1)).min(2),
    features: featureOptionsSchema,
    /** Messages longer than this many words are also scored window by window. */
    windowWords: z.number().int().min(4).max(1000),
    bias: z.array(finite),
    /**
     * Each known feature and its weights (features not listed weigh nothing). A compiled model (see
     * compiledModel.ts) brings them as the table built from them, checked when it was compiled and read.
     */
    rows: z.custom<FeatureRow[] | FeatureTable>((v) => Array.isArray(v) || v instanceof FeatureTable, 'rows must be a list'),
  })
  .refine((m) => m.bias.length === m.classes.length, 'one bias per class')
  .superRefine((m, ctx) => {
    if (m.rows instanceof FeatureTable) {
      if (m.rows.classes !== m.classes.length) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'each row is a feature name and one weight per class' });
      return;
    }
    const problem = rowsProblem(m.rows, m.classes.length);
    if (problem) ctx.addIssue({ code: 'custom', path: ['rows'], message: problem });
  });

export type LinearModelData = z.infer<typeof linearModelSchema>;

/** A model as training makes it and the model file holds it: its rows as a list. */
export type LinearModelRows = LinearModelData & { rows: FeatureRow[] };

/** How many features a model's rows hold. */
export function featureCount(rows: LinearModelData['rows']): number {
  return rows instanceof FeatureTable ? rows.size : rows.length;
}

export class LinearModel {
  private readonly table: FeatureTable;
  /** Reused between messages: the keys already counted in the message being scored. */
  private readonly seen = new KeySet();

  constructor(readonly data: LinearModelData) {
    this.table = data.rows instanceof FeatureTable ? data.rows : FeatureTable.fromRows(data.rows, data.classes.length);
  }

  get classes(): readonly string[] {
    return this.data.classes;
  }

  get featureOptions(): FeatureOptions {
    return this.data.features;
  }

  get windowWords(): number {
    return this.data.windowWords;
  }

  get size(): number {
    return this.table.size;
  }

  /** The probability of each class (in `classes` order) for a message with these feature names. */
  probabilities(features: readonly string[]): number[] {
    return this.score((sink) => {
      for (const name of features) sink.piece('', name, 0, name.length);
    });
  }

  /** For every message: the probabilities for its words, concepts and cues, with the features hashed in place. */
  probabilitiesOf(tokens: readonly string[], concepts: readonly string[], cues: readonly string[]): number[] {
    return this.score((sink) => emitFeatures(tokens, concepts, this.data.features, cues, sink));
  }

  /**
   * The same, with the features emitted straight from the message (see emitFeatures): each piece is
   * hashed where it lies, counted once, and its weights added. This is what runs for every message.
   */
  score(emit: (sink: FeatureSink) => void): number[] {
    const { table, seen } = this;
    const C = table.classes;
    const sums = new Array<number>(C).fill(0);
    let total = 0;
    seen.clear();
    emit({
      piece(tag, source, start, end) {
        // The same keys as featureKey, without the object: this runs for every piece of every message.
        const h1 = fnv(fnv(FIRST_SEEDS.h1, tag, 0, tag.length), source, start, end) | 0;
        const h2 = mul31(mul31(FIRST_SEEDS.h2, tag, 0, tag.length), source, start, end);
        // Counted once per message, as in training (a set of names); 30 bits of the key are plenty here.
        if (!seen.add(h1, h2)) return;
        total++;
        const at = table.find(h1, h2);
        if (at < 0) return;
        for (let c = 0; c < C; c++) sums[c]! += table.weights[at + c]!;
      },
    });
    const value = total ? 1 / Math.sqrt(total) : 0;
    return softmax(this.data.bias.map((b, c) => b + sums[c]! * value));
  }
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * A set of feature keys for one message at a time: open addressing over typed arrays, emptied in O(1)
 * by moving to a new generation, grown when a long message needs it.
 */
class KeySet {
  private size = 0;
  private generation = 1;
  private stamps = new Uint32Array(1024);
  private h1s = new Int32Array(1024);
  private h2s = new Int32Array(1024);

  clear(): void {
    this.size = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Adds the key; false when it was already there. */
  add(h1: number, h2: number): boolean {
    if (this.size * 2 >= this.stamps.length) this.grow();
    const mask = this.stamps.length - 1;
    let slot = h1 & mask;
    while (this.stamps[slot] === this.generation) {
      if (this.h1s[slot] === h1 && this.h2s[slot] === h2) return false;
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.generation;
    this.h1s[slot] = h1;
    this.h2s[slot] = h2;
    this.size++;
    return true;
  }

  private grow(): void {
    const { stamps, h1s, h2s, generation } = this;
    this.stamps = new Uint32Array(stamps.length * 2);
    this.h1s = new Int32Array(stamps.length * 2);
    this.h2s = new Int32Array(stamps.length * 2);
    this.size = 0;
    for (let i = 0; i < stamps.length; i++) if (stamps[i] === generation) this.add(h1s[i]!, h2s[i]!);
  }
}
