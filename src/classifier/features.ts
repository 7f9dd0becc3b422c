import { z } from 'zod';
import { phoneticKey } from './phoneticKey';

/*
 * What a classifier looks at: words, pairs of words, letter groups inside words (so "stabbd", "stabbed"
 * and a Polish "dźgnęli" typed without accents share pieces with what was seen in training), letter
 * groups across word boundaries (bits of phrases), the concepts the lexicon found and the rules' cues.
 * Each feature is a name, a tag and a piece of text ("c:" + "nif"). One walk over a message emits them
 * all to a sink: training collects the names, scoring hashes the pieces in place.
 */

export const featureOptionsSchema = z.strictObject({
  words: z.boolean(),
  bigrams: z.boolean(),
  /** Letter groups of these lengths, taken from each word with a space before and after it. */
  chars: z.tuple([z.number().int().min(1).max(8), z.number().int().min(1).max(8)]).nullable(),
  concepts: z.boolean(),
  /** Pairs of concepts found in the same message or window ("myself" with "cut"). */
  conceptPairs: z.boolean(),
  /** What the hand-written rules see: which rules match, and the past, general-question and "now" cues. */
  ruleCues: z.boolean(),
  /** Letter groups of these lengths that run across a space ("t bre" in "not breathing"): bits of phrases. */
  phraseChars: z.tuple([z.number().int().min(2).max(10), z.number().int().min(2).max(10)]).nullable(),
  /** Each word's sound-alike key (see phoneticKey): "skool" and "school" share a feature. */
  phonetic: z.boolean().optional(),
});

export type FeatureOptions = z.infer<typeof featureOptionsSchema>;

/** Receives each feature as its tag and a piece of a text: source[start, end). */
export interface FeatureSink {
  piece(tag: string, source: string, start: number, end: number): void;
}

/** Words longer than this are cut first (a 4,000-letter "word" costs no more than this). */
const LONGEST_WORD = 24;

/** Emits every feature of one message (or one window of it); `cues` are the rules' (see ruleCues), already named. */
export function emitFeatures(
  tokens: readonly string[],
  concepts: readonly string[],
  options: FeatureOptions,
  cues: readonly string[],
  sink: FeatureSink,
): void {
  if (options.ruleCues) for (const cue of cues) sink.piece('', cue, 0, cue.length);
  // The words, cut to length, between single spaces: every word feature is a piece of this line.
  const line = ` ${tokens.map((t) => t.slice(0, LONGEST_WORD)).join(' ')} `;
  let start = 1;
  let previous = -1;
  for (const token of tokens) {
    const end = start + Math.min(token.length, LONGEST_WORD);
    if (options.words) sink.piece('w:', line, start, end);
    if (options.phonetic) {
      const key = phoneticKey(token.slice(0, LONGEST_WORD));
      sink.piece('p:', key, 0, key.length);
    }
    if (options.bigrams && previous >= 0) sink.piece('b:', line, previous, end);
    if (options.chars) {
      const [min, max] = options.chars;
      for (let n = min; n <= max; n++) {
        for (let s = start - 1; s + n <= end + 1; s++) sink.piece('c:', line, s, s + n);
      }
    }
    previous = start;
    start = end + 1;
  }
  if (options.phraseChars) {
    const [min, max] = options.phraseChars;
    // Only pieces with a space strictly inside: the ones inside a word are the letter groups above.
    for (let n = min; n <= max; n++) {
      for (let s = 0; s + n <= line.length; s++) {
        const inner = line.indexOf(' ', s + 1);
        if (inner !== -1 && inner < s + n - 1) sink.piece('x:', line, s, s + n);
      }
    }
  }
  if (options.concepts) for (const c of concepts) sink.piece('k:', c, 0, c.length);
  if (options.conceptPairs) {
    for (let i = 0; i < concepts.length; i++) {
      for (let j = i + 1; j < concepts.length; j++) {
        const pair = concepts[i]! < concepts[j]! ? `${concepts[i]}+${concepts[j]}` : `${concepts[j]}+${concepts[i]}`;
        sink.piece('kk:', pair, 0, pair.length);
      }
    }
  }
}

/** The distinct feature names of one message (or one window of it), for training and for reading. */
export function featuresOf(tokens: readonly string[], concepts: readonly string[], options: FeatureOptions, cues: readonly string[] = []): string[] {
  const names = new Set<string>();
  emitFeatures(tokens, concepts, options, cues, { piece: (tag, source, start, end) => names.add(tag + source.slice(start, end)) });
  return [...names];
}

/**
 * The parts of a long message scored on their own, so that one line of danger in a long story is not
 * drowned by the rest: overlapping windows of `size` words. A short message is one part.
 */
export function windowsOf<T>(items: readonly T[], size: number): T[][] {
  if (items.length <= size) return [];
  const stride = Math.max(1, Math.floor(size / 2));
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += stride) {
    out.push(items.slice(start, start + size));
    if (start + size >= items.length) break;
  }
  return out;
}
