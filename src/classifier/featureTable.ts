import { keyOfName } from './featureHash';
import type { FeatureRow } from './linearModel';

/**
 * The model's weights, `classes` per feature in one flat array, and an open-addressing index from the two
 * feature hashes to the feature's place in it: one probe or a few per feature, no strings, no allocation.
 * Built once when the model loads, from the model file's rows or from a compiled model's keys and weights
 * (see compiledModel.ts), whose weights it then reads in place.
 */
export class FeatureTable {
  private readonly mask: number;
  private readonly h1: Int32Array;
  private readonly h2: Int32Array;
  /** Each slot's feature number plus one (0: empty). */
  private readonly feature: Int32Array;
  private count = 0;

  private constructor(
    /** `classes` weights per feature, features in the order they were added. */
    readonly weights: Float64Array,
    readonly classes: number,
  ) {
    const features = weights.length / classes;
    let capacity = 16;
    while (capacity < features * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.feature = new Int32Array(capacity);
  }

  /** The table for a model file's rows (each a feature name and its weights). */
  static fromRows(rows: readonly FeatureRow[], classes: number): FeatureTable {
    const table = new FeatureTable(new Float64Array(rows.length * classes), classes);
    for (const row of rows) {
      const name = row[0];
      const { h1, h2 } = keyOfName(name);
      const at = table.add(h1, h2, name) * classes;
      for (let c = 0; c < classes; c++) table.weights[at + c] = row[c + 1] as number;
    }
    return table;
  }

  /**
   * The table for `keys` (each feature's two hashes, one after the other) and `weights` (`classes` per
   * feature, in the same order), as a compiled model stores them. The weights are used as they are, not copied.
   */
  static fromKeys(keys: Int32Array, weights: Float64Array, classes: number): FeatureTable {
    const count = keys.length / 2;
    if (!Number.isInteger(count) || weights.length !== count * classes) throw new Error('the keys and weights do not match');
    const table = new FeatureTable(weights, classes);
    for (let i = 0; i < count; i++) table.add(keys[2 * i]!, keys[2 * i + 1]!, `number ${i + 1}`);
    return table;
  }

  get size(): number {
    return this.count;
  }

  /** Where this feature's weights start in `weights`, or -1 when the model does not know it. */
  find(h1: number, h2: number): number {
    let slot = h1 & this.mask;
    while (this.feature[slot]) {
      if (this.h1[slot] === h1 && this.h2[slot] === h2) return (this.feature[slot]! - 1) * this.classes;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Adds the next feature; refuses a key already there (two feature names with the same hashes). Returns its number. */
  private add(h1: number, h2: number, name: string): number {
    let slot = h1 & this.mask;
    while (this.feature[slot]) {
      if (this.h1[slot] === h1 && this.h2[slot] === h2) throw new Error(`two features share a hash: ${name}`);
      slot = (slot + 1) & this.mask;
    }
    this.h1[slot] = h1;
    this.h2[slot] = h2;
    this.feature[slot] = ++this.count;
    return this.count - 1;
  }
}
