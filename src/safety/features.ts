import { z } from 'zod';

/*
 * What the safety classifier looks at: words, pairs of words, letter groups inside words (so "stabbd",
 * "stabbed" and a Polish "dźgnęli" typed without accents share pieces with what was seen in training) and
 * the concepts the lexicon found. Each is a feature name; a message is the set of its features.
 */

export const featureOptionsSchema = z.strictObject({
  words: z.boolean(),
  bigrams: z.boolean(),
  /** Letter groups of these lengths, taken from each word with a start and an end mark. */
  chars: z.tuple([z.number().int().min(1).max(8), z.number().int().min(1).max(8)]).nullable(),
  concepts: z.boolean(),
  /** Pairs of concepts found in the same message or window ("myself" with "cut"). */
  conceptPairs: z.boolean(),
  /** What the hand-written rules see: which rules match, and the past, general-question and "now" cues. */
  ruleCues: z.boolean(),
});

export type FeatureOptions = z.infer<typeof featureOptionsSchema>;

/** Words longer than this are cut before their letter groups are taken (a 4,000-letter "word" costs no more than this). */
const LONGEST_WORD = 24;

/** The distinct features of one message (or one part of it); `cues` are the rules' (see ruleCues). */
export function featuresOf(tokens: readonly string[], concepts: readonly string[], options: FeatureOptions, cues: readonly string[] = []): string[] {
  const out = new Set<string>();
  if (options.ruleCues) for (const cue of cues) out.add(cue);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (options.words) out.add(`w:${token}`);
    if (options.bigrams && i > 0) out.add(`b:${tokens[i - 1]} ${token}`);
    if (options.chars) {
      const padded = `<${token.slice(0, LONGEST_WORD)}>`;
      const [min, max] = options.chars;
      for (let n = min; n <= max; n++) {
        for (let s = 0; s + n <= padded.length; s++) out.add(`c:${padded.slice(s, s + n)}`);
      }
    }
  }
  if (options.concepts) for (const c of concepts) out.add(`k:${c}`);
  if (options.conceptPairs) {
    for (let i = 0; i < concepts.length; i++) {
      for (let j = i + 1; j < concepts.length; j++) {
        const [a, b] = [concepts[i]!, concepts[j]!].sort();
        out.add(`kk:${a}+${b}`);
      }
    }
  }
  return [...out];
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
