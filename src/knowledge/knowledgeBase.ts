import type { Audience } from '../shell/audience';
import { audienceCue } from './audienceCues';
import type { KnowledgeEntry } from './knowledgeEntry';
import type { Lexicon } from './lexicon';
import { SearchIndex, type SearchHit } from './searchIndex';

/** What the bot does with a question. */
export type Finding =
  | { kind: 'answer'; entry: KnowledgeEntry }
  | { kind: 'didYouMean'; options: KnowledgeEntry[] }
  | { kind: 'noMatch' };

/**
 * The confidence rules, in one place so that `npm run eval:kb` can show what they do.
 * coverage: the share of the question's meaning the best answer covers; lead: how far ahead of the
 * runner-up the best answer is (score ratio).
 */
export const CONFIDENCE = {
  answerCoverage: 0.6,
  answerLead: 1.15,
  /** An answer this well covered is given even when the runner-up is close, if the question has this many terms. */
  sureCoverage: 0.85,
  sureTerms: 3,
  suggestCoverage: 0.34,
  maxSuggestions: 3,
  /** The lead given to answers written for the person asking. */
  audienceLead: 0.2,
} as const;

/** The knowledge base: authored answers and the index that finds them. */
export class KnowledgeBase {
  private readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  readonly index: SearchIndex;

  constructor(
    readonly entries: readonly KnowledgeEntry[],
    lexicon: Lexicon,
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.index = new SearchIndex(
      entries.map((e) => ({ id: e.id, asked: [e.title, ...e.questions], answer: `${e.short} ${e.long ?? ''}` })),
      lexicon,
    );
  }

  get(id: string): KnowledgeEntry {
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`knowledge: unknown entry ${id}`);
    return entry;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Ranked candidates, best first. Who is asking (as the user told us, or failing that as the wording
   * suggests: "my son" or "I") gives answers written for them a small lead, enough to break near-ties.
   */
  rank(question: string, audience?: Audience): SearchHit[] {
    return this.rankWithTerms(question, audience).hits;
  }

  private rankWithTerms(question: string, audience?: Audience): { hits: SearchHit[]; termCount: number } {
    const { hits, termCount } = this.index.search(question, 8);
    const who = audience === 'parent' || audience === 'young-person' ? audience : audienceCue(question);
    if (!who) return { hits: hits.slice(0, 6), termCount };
    const ranked = hits
      .map((h) => (this.get(h.id).audience === who ? { ...h, score: h.score * (1 + CONFIDENCE.audienceLead) } : h))
      .sort((a, b) => b.score - a.score)
      .slice(0, 6);
    return { hits: ranked, termCount };
  }

  /** Decides between a sure answer, a short list to choose from, and an honest "I don't know". */
  find(question: string, audience?: Audience): Finding {
    const { hits, termCount } = this.rankWithTerms(question, audience);
    const [top, next] = hits;
    if (!top || top.coverage < CONFIDENCE.suggestCoverage) return { kind: 'noMatch' };
    const leads = !next || top.score >= next.score * CONFIDENCE.answerLead;
    const sure = top.coverage >= CONFIDENCE.sureCoverage && termCount >= CONFIDENCE.sureTerms;
    if (top.coverage >= CONFIDENCE.answerCoverage && (leads || sure)) {
      return { kind: 'answer', entry: this.get(top.id) };
    }
    const options = hits
      .filter((h) => h.coverage >= CONFIDENCE.suggestCoverage && h.score >= top.score * 0.5)
      .slice(0, CONFIDENCE.maxSuggestions)
      .map((h) => this.get(h.id));
    return { kind: 'didYouMean', options };
  }
}
