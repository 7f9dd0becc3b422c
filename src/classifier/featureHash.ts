/*
 * Two independent 32-bit hashes of a feature name, computed straight from the characters of the text it
 * comes from, so scoring a message builds no strings. Together they make a 64-bit key: two features
 * sharing both halves is far too unlikely to matter (and the model table refuses it when it loads).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Where each hash starts. */
export const FIRST_SEEDS = { h1: FNV_OFFSET, h2: 7 } as const;

export interface FeatureKey {
  h1: number;
  h2: number;
}

/** Continues the first hash (FNV-1a) over source[start, end). */
export function fnv(h: number, source: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Continues the second hash (multiply by 31 and add, as Java's String.hashCode) over source[start, end). */
export function mul31(h: number, source: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + source.charCodeAt(i)) | 0;
  return h;
}

/** The key of the feature named `tag` + source[start, end). */
export function featureKey(tag: string, source: string, start: number, end: number): FeatureKey {
  return {
    h1: fnv(fnv(FIRST_SEEDS.h1, tag, 0, tag.length), source, start, end) | 0,
    h2: mul31(mul31(FIRST_SEEDS.h2, tag, 0, tag.length), source, start, end),
  };
}

/** The key of a whole feature name, as the model file spells it. */
export function keyOfName(name: string): FeatureKey {
  return featureKey('', name, 0, name.length);
}
