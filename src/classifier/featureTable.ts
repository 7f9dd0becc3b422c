import { keyOfName } from './featureHash';
import type { FeatureRow } from './linearModel';

/**
 * The model's weights in an open-addressing table keyed by the two feature hashes: one probe or a few
 * per feature, no strings, no allocation. Built once when the model loads.
 */
export class FeatureTable {
  private readonly mask: number;
  private readonly h1: Int32Array;
  private readonly h2: Int32Array;
  private readonly used: Uint8Array;
  /** `classes` weights per slot. */
  readonly weights: Float64Array;

  constructor(
    rows: readonly FeatureRow[],
    readonly classes: number,
  ) {
    let capacity = 16;
    while (capacity < rows.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.weights = new Float64Array(capacity * classes);
    for (const row of rows) {
      const name = row[0];
      const { h1, h2 } = keyOfName(name);
      let slot = h1 & this.mask;
      while (this.used[slot]) {
        if (this.h1[slot] === h1 && this.h2[slot] === h2) throw new Error(`two features share a hash: ${name}`);
        slot = (slot + 1) & this.mask;
      }
      this.used[slot] = 1;
      this.h1[slot] = h1;
      this.h2[slot] = h2;
      for (let c = 0; c < classes; c++) this.weights[slot * classes + c] = row[c + 1] as number;
    }
  }

  /** The slot holding this feature's weights, or -1 when the model does not know it. */
  find(h1: number, h2: number): number {
    let slot = h1 & this.mask;
    while (this.used[slot]) {
      if (this.h1[slot] === h1 && this.h2[slot] === h2) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}
