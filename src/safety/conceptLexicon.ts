import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';
import { foldText, tokensOf } from '../classifier/foldText';

/*
 * The concept lexicon (content/safety-lexicon.yaml): the words people type, in English and in the other
 * languages the service supports, mapped to a few dozen English concept ids ("knife", "wantdie",
 * "overdose"). The classifier sees the concepts as well as the words, so what it learned from English
 * messages carries over to a Polish or Urdu message that says the same thing.
 */

export const LEXICON_LANGUAGES = ['en', 'pl', 'ro', 'sk', 'cs', 'uk', 'ur', 'ar', 'pa'] as const;

const termSchema = z
  .string()
  .min(1)
  .max(80)
  .refine((t) => !/\s{2}/.test(t) && t === t.trim(), 'a term is words separated by single spaces')
  .refine((t) => !t.slice(1, -1).includes('*'), '"*" may only start or end a term');

const languageSchema = z.strictObject({
  name: z.string().min(1),
  /** Whether a native speaker has checked the terms. */
  check: z.enum(['not-needed', 'awaiting-native-speaker', 'checked']),
  terms: z.record(z.string().regex(/^[a-z-]+$/), z.array(termSchema).min(1)),
});

const lexiconFileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  concepts: z.record(z.string().regex(/^[a-z-]+$/), z.string().min(1)),
  languages: z.record(z.enum(LEXICON_LANGUAGES), languageSchema),
});

export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** One word of a term: the word itself, a stem (any ending), or letters found inside a word. */
interface Part {
  text: string;
  how: 'exact' | 'prefix' | 'infix';
}

interface Term {
  parts: Part[];
  concept: string;
}

/** A node of the stems' letter tree: the terms whose stem ends here, and the letters that go on. */
interface StemNode {
  next: Map<string, StemNode>;
  terms: Term[];
}

const stemNode = (): StemNode => ({ next: new Map(), terms: [] });

/** Stems shorter than this are refused: they would match unrelated words. */
const MIN_STEM = 3;

function parseTerm(raw: string, concept: string, where: string): Term {
  const words = foldText(raw).split(' ');
  const parts = words.map((word): Part => {
    const infix = word.length > 2 && word.startsWith('*') && word.endsWith('*');
    if (infix) {
      if (words.length > 1) throw new ContentError(`${where}: "${raw}": a term with *…* must be one word`);
      return { text: word.slice(1, -1), how: 'infix' };
    }
    if (word.endsWith('*')) return { text: word.slice(0, -1), how: 'prefix' };
    if (word.includes('*')) throw new ContentError(`${where}: "${raw}": "*" may only end a word`);
    return { text: word, how: 'exact' };
  });
  for (const part of parts) {
    if (part.how !== 'exact' && [...part.text].length < MIN_STEM) {
      throw new ContentError(`${where}: "${raw}": a stem needs at least ${MIN_STEM} letters`);
    }
  }
  return { parts, concept };
}

/** Finds the concepts in a folded, tokenised text. Built once from the lexicon file. */
export class ConceptLexicon {
  private readonly exact = new Map<string, Term[]>();
  /** Stems as a letter tree: a word is walked once, letter by letter, instead of cut at every length. */
  private readonly stems = stemNode();
  /** Letters found inside words, by their first letter (all in scripts that attach prefixes, like Arabic). */
  private readonly infix = new Map<string, Term[]>();
  /** SHA-256 of the file's terms: a model trained with other terms must be retrained. */
  readonly fingerprint: string;
  readonly concepts: readonly string[];

  constructor(file: LexiconFile, where = 'safety lexicon') {
    this.concepts = Object.keys(file.concepts).sort();
    for (const [code, language] of Object.entries(file.languages)) {
      for (const [concept, terms] of Object.entries(language.terms)) {
        if (!(concept in file.concepts)) throw new ContentError(`${where}: ${code} uses unknown concept "${concept}"`);
        for (const raw of terms) {
          const term = parseTerm(raw, concept, `${where}: ${code}.${concept}`);
          const first = term.parts[0]!;
          if (first.how === 'infix') {
            const letter = first.text[0]!;
            this.infix.set(letter, [...(this.infix.get(letter) ?? []), term]);
          }
          else if (first.how === 'exact') this.exact.set(first.text, [...(this.exact.get(first.text) ?? []), term]);
          else this.addStem(first.text, term);
        }
      }
    }
    const canonical = JSON.stringify(
      Object.entries(file.languages)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, l]) => [code, Object.entries(l.terms).sort(([a], [b]) => a.localeCompare(b))]),
    );
    this.fingerprint = createHash('sha256').update(canonical).digest('hex');
  }

  /** The concept ids found in these tokens (already folded), each once, in the order first found. */
  conceptsIn(tokens: readonly string[]): string[] {
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      for (const term of this.exact.get(token) ?? []) if (this.matchesFrom(term, tokens, i)) found.add(term.concept);
      let node: StemNode | undefined = this.stems;
      for (const letter of token) {
        node = node.next.get(letter);
        if (!node) break;
        for (const term of node.terms) if (this.matchesFrom(term, tokens, i)) found.add(term.concept);
      }
      for (let at = 0; at < token.length; at++) {
        const candidates = this.infix.get(token[at]!);
        if (candidates) for (const term of candidates) if (token.startsWith(term.parts[0]!.text, at)) found.add(term.concept);
      }
    }
    return [...found];
  }

  private addStem(stem: string, term: Term): void {
    let node = this.stems;
    for (const letter of stem) {
      let child = node.next.get(letter);
      if (!child) node.next.set(letter, (child = stemNode()));
      node = child;
    }
    node.terms.push(term);
  }

  private matchesFrom(term: Term, tokens: readonly string[], start: number): boolean {
    if (start + term.parts.length > tokens.length) return false;
    return term.parts.every((part, k) => {
      const token = tokens[start + k]!;
      if (part.how === 'exact') return token === part.text;
      if (part.how === 'prefix') return token.startsWith(part.text);
      return token.includes(part.text);
    });
  }

  /** Convenience for tests and the content check: the concepts in a raw message. */
  conceptsInText(text: string): string[] {
    return this.conceptsIn(tokensOf(foldText(text)));
  }
}

export interface LexiconInfo {
  lexicon: ConceptLexicon;
  /** Languages whose terms still await a native speaker's check. */
  awaitingCheck: string[];
}

/** Loads content/safety-lexicon.yaml. */
export function loadConceptLexicon(contentDir: string): LexiconInfo {
  const file = join(contentDir, 'safety-lexicon.yaml');
  const data = loadYaml(file, lexiconFileSchema);
  const awaitingCheck = Object.entries(data.languages)
    .filter(([, l]) => l.check === 'awaiting-native-speaker')
    .map(([code]) => code);
  return { lexicon: new ConceptLexicon(data, file), awaitingCheck };
}
