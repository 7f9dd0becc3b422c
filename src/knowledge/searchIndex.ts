import { editDistance } from './editDistance';
import type { Lexicon } from './lexicon';

/** A document to index: its id, the text people ask with (weighted high) and the answer text. */
export interface SearchDocument {
  id: string;
  asked: readonly string[];
  answer: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Share of the question's meaning (by term weight) that this document covers, 0..1. */
  coverage: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many content terms the question had after stop words were removed. */
  termCount: number;
}

const K1 = 1.2;
const B = 0.6;
/** How much the answer text counts against the question phrasings. */
const ANSWER_WEIGHT = 0.35;
/** How much a term found only by spelling tolerance counts. */
const FUZZY_WEIGHT = 0.75;
/** Extra weight for lexicon concepts over ordinary words. */
const CONCEPT_BOOST = 1.5;
/** How much the closest single phrasing counts, relative to the question's total term weight. */
const PHRASING_WEIGHT = 0.5;
/** Longest text searched, most distinct terms looked at, most unknown words looked up for near spellings. */
const MAX_CHARS = 3000;
const MAX_TERMS = 64;
const MAX_FUZZY = 16;

/** A query term and what it may match in the index: itself, or known words spelled nearly the same. */
interface Expanded {
  weight: number;
  alternatives: Array<{ term: string; factor: number }>;
}

interface Field {
  tf: Map<string, number>;
  length: number;
}

interface IndexedDoc {
  id: string;
  asked: Field;
  answer: Field;
  /** Each question phrasing, for the closest-phrasing signal. */
  phrasings: Phrasing[];
}

interface Phrasing {
  terms: ReadonlySet<string>;
  /** Length of the phrasing's rarity-weighted term vector; fixed once the index is built. */
  norm: number;
}

function field(ts: readonly string[]): Field {
  const tf = new Map<string, number>();
  for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: ts.length };
}

/**
 * An in-memory BM25 index over two fields (how people ask, and the answer), with a lexicon of slang
 * and synonyms applied on both sides and spelling tolerance for words it does not know.
 */
export class SearchIndex {
  private readonly docs: IndexedDoc[];
  /** Term weight for coverage: rarity among question phrasings, or among answers for answer-only terms. */
  private readonly idf = new Map<string, number>();
  private readonly askedIdf: Map<string, number>;
  private readonly answerIdf: Map<string, number>;
  private readonly maxIdf: number;
  private readonly avgAsked: number;
  private readonly avgAnswer: number;
  /**
   * The vocabulary indexed for spelling tolerance: each known term, and each with one letter deleted, leads
   * to the terms it came from (symmetric deletion). An unknown word then costs one lookup per letter, not a
   * comparison with every known term.
   */
  private readonly byDeletion = new Map<string, string[]>();
  private readonly fuzzyCache = new Map<string, string[]>();

  constructor(
    documents: readonly SearchDocument[],
    private readonly lexicon: Lexicon,
  ) {
    this.docs = documents.map((d) => {
      const asked = d.asked.map((text) => this.analyse(text));
      const phrasings = asked.map((p) => ({ terms: new Set(p), norm: 0 }));
      return { id: d.id, asked: field(asked.flat()), answer: field(this.analyse(d.answer)), phrasings };
    });
    // Each field has its own term rarity: "ring" is everywhere in answers but rare in how people ask.
    const n = this.docs.length;
    this.askedIdf = idfOf(this.docs.map((d) => d.asked), n);
    this.answerIdf = idfOf(this.docs.map((d) => d.answer), n);
    for (const [t, v] of this.answerIdf) if (!this.idf.has(t)) this.idf.set(t, v);
    for (const [t, v] of this.askedIdf) this.idf.set(t, v);
    // Lexicon concepts are the domain's own words: common across answers, but never noise.
    for (const m of [this.idf, this.askedIdf, this.answerIdf]) for (const [t, v] of m) if (t.startsWith('_')) m.set(t, v * CONCEPT_BOOST);
    for (const phrasing of this.docs.flatMap((d) => d.phrasings)) {
      let sum = 0;
      for (const t of phrasing.terms) sum += (this.idf.get(t) ?? 0) ** 2;
      phrasing.norm = Math.sqrt(sum);
    }
    this.maxIdf = Math.max(0, ...this.idf.values());
    this.avgAsked = this.docs.reduce((s, d) => s + d.asked.length, 0) / Math.max(1, n);
    this.avgAnswer = this.docs.reduce((s, d) => s + d.answer.length, 0) / Math.max(1, n);
    for (const t of this.idf.keys()) {
      if (t.startsWith('_') || t.length < 4) continue;
      for (const key of new Set([t, ...deletionsOf(t)])) {
        const list = this.byDeletion.get(key) ?? [];
        list.push(t);
        this.byDeletion.set(key, list);
      }
    }
  }

  /** Text → search terms, through the same lexicon and stemmer as the documents. */
  analyse(text: string): string[] {
    return this.lexicon.terms(text);
  }

  /** Ranks documents for a question; best first. */
  search(question: string, limit = 5): SearchResult {
    // Bounded cost: the text is cut, at most MAX_TERMS distinct terms are looked at, and at most
    // MAX_FUZZY unknown words are looked up for near spellings (the rest count as unknown).
    const queryTerms = [...new Set(this.analyse(question.length > MAX_CHARS ? question.slice(0, MAX_CHARS) : question))].slice(0, MAX_TERMS);
    let fuzzyLookups = 0;
    // Each query term stands for one or more index terms: itself, or its near spellings.
    const expanded: Expanded[] = queryTerms.map((t) => {
      if (this.idf.has(t)) return { weight: this.idf.get(t)!, alternatives: [{ term: t, factor: 1 }] };
      const near = fuzzyLookups++ < MAX_FUZZY ? this.nearTerms(t) : [];
      return {
        weight: near.length ? Math.max(...near.map((x) => this.idf.get(x)!)) : this.maxIdf,
        alternatives: near.map((x) => ({ term: x, factor: FUZZY_WEIGHT })),
      };
    });
    const totalWeight = expanded.reduce((s, e) => s + e.weight, 0);
    const queryNorm = Math.sqrt(expanded.reduce((s, e) => s + e.weight * e.weight, 0));
    const hits: SearchHit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let covered = 0;
      for (const e of expanded) {
        let best = 0;
        let bestFactor = 0;
        for (const { term, factor } of e.alternatives) {
          const s =
            factor *
            ((this.askedIdf.get(term) ?? 0) * bm25(doc.asked, term, this.avgAsked) +
              ANSWER_WEIGHT * (this.answerIdf.get(term) ?? 0) * bm25(doc.answer, term, this.avgAnswer));
          if (s > best) {
            best = s;
            bestFactor = factor;
          }
        }
        score += best;
        if (best > 0) covered += e.weight * bestFactor;
      }
      if (score > 0) {
        score += PHRASING_WEIGHT * totalWeight * this.closestPhrasing(doc, expanded, queryNorm);
        hits.push({ id: doc.id, score, coverage: totalWeight ? covered / totalWeight : 0 });
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return { hits: hits.slice(0, limit), termCount: queryTerms.length };
  }

  /**
   * How close the question is to the doc's nearest single phrasing: cosine similarity of the two term
   * sets, each term weighted by its rarity. Rewards matching one way of asking over scattered words.
   */
  private closestPhrasing(doc: IndexedDoc, expanded: readonly Expanded[], queryNorm: number): number {
    if (!queryNorm) return 0;
    let best = 0;
    for (const phrasing of doc.phrasings) {
      let dot = 0;
      for (const e of expanded) {
        const hit = e.alternatives.find((a) => phrasing.terms.has(a.term));
        if (hit) dot += e.weight * (this.idf.get(hit.term) ?? 0) * hit.factor;
      }
      if (dot === 0) continue;
      const cos = dot / (queryNorm * phrasing.norm);
      if (cos > best) best = cos;
    }
    return best;
  }

  /** Known terms within one edit (two for longer words) of an unknown one. */
  private nearTerms(term: string): string[] {
    if (term.startsWith('_') || term.length < 5 || /\d/.test(term)) return [];
    const cached = this.fuzzyCache.get(term);
    if (cached) return cached;
    const max = term.length >= 8 ? 2 : 1;
    const candidates = new Set<string>();
    for (const key of [term, ...deletionsOf(term)]) for (const c of this.byDeletion.get(key) ?? []) candidates.add(c);
    let best = max + 1;
    let found: string[] = [];
    for (const candidate of candidates) {
      const d = editDistance(term, candidate, max);
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best && d <= max) found.push(candidate);
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(term, found);
    return found;
  }
}

/** The word with one letter left out, at each place (for words of 24 letters or fewer). */
function deletionsOf(term: string): string[] {
  if (term.length > 24) return [];
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function idfOf(fields: readonly Field[], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of fields) for (const t of f.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  return idf;
}

function bm25(f: Field, term: string, avgLength: number): number {
  const tf = f.tf.get(term);
  if (!tf) return 0;
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * f.length) / (avgLength || 1)));
}
