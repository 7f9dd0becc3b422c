import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';
import { isStopword, tokens, type Token } from './tokenize';

const conceptSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  says: z.string().min(1),
  variants: z.array(z.string().min(1)).min(1),
});

const lexiconFileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  concepts: z.array(conceptSchema).min(1),
});

export type Concept = z.infer<typeof conceptSchema>;

/** The search term a concept becomes; the underscore keeps it apart from ordinary words. */
export function conceptTerm(id: string): string {
  return `_${id}`;
}

/**
 * Slang, synonyms and common misspellings, as data (content/lexicon.yaml). Each variant, one word or
 * several, is rewritten to its concept before searching, in questions and in answers alike, so that
 * "going cunch", "OT" and "going country" all find the same answer.
 */
export class Lexicon {
  /** First stem of a variant → the variants starting with it, longest first. */
  private readonly byFirstStem = new Map<string, Array<{ stems: string[]; term: string }>>();

  constructor(concepts: readonly Concept[]) {
    const seen = new Map<string, string>();
    for (const concept of concepts) {
      for (const variant of concept.variants) {
        const ws = tokens(variant).map((t) => t.stem);
        const key = ws.join(' ');
        const other = seen.get(key);
        if (!ws[0] || (other && other !== concept.id)) {
          throw new Error(`lexicon: variant "${variant}" of ${concept.id} is empty or also belongs to ${other}`);
        }
        seen.set(key, concept.id);
        const list = this.byFirstStem.get(ws[0]) ?? [];
        list.push({ stems: ws, term: conceptTerm(concept.id) });
        list.sort((x, y) => y.stems.length - x.stems.length);
        this.byFirstStem.set(ws[0], list);
      }
    }
  }

  static load(contentDir: string): Lexicon {
    return new Lexicon(loadYaml(join(contentDir, 'lexicon.yaml'), lexiconFileSchema).concepts);
  }

  /**
   * Search terms for a text: known variants (longest match first, compared by stem) become concept
   * terms; other words are kept as stems unless they are stop words.
   */
  terms(text: string): string[] {
    const ts: Token[] = tokens(text);
    const out: string[] = [];
    let i = 0;
    while (i < ts.length) {
      const token = ts[i]!;
      const match = this.byFirstStem.get(token.stem)?.find((v) => v.stems.every((st, k) => ts[i + k]?.stem === st));
      if (match) {
        out.push(match.term);
        i += match.stems.length;
      } else {
        if (!isStopword(token.word)) out.push(token.stem);
        i += 1;
      }
    }
    return out;
  }
}
