import type { AnswerPicker, Pick } from './answerPicker';
import { MAX_SUGGESTIONS } from './answerPicker';
import type { AnswerTopics } from './answerTopics';
import type { SearchIndex } from './searchIndex';

/**
 * The confidence rules of the search (BM25) picker. coverage: the share of the question's meaning the
 * best answer covers; lead: how far ahead of the runner-up the best answer is (score ratio).
 */
export const SEARCH_CONFIDENCE = {
  answerCoverage: 0.6,
  answerLead: 1.15,
  /** An answer this well covered is given even when the runner-up is close, if the question has this many terms. */
  sureCoverage: 0.85,
  sureTerms: 3,
  suggestCoverage: 0.34,
} as const;

export interface TopicHit {
  topic: string;
  score: number;
  coverage: number;
}

/** The search's ranking by topic: each topic's best-scoring version. */
export function searchTopics(index: SearchIndex, topics: AnswerTopics, question: string): { hits: TopicHit[]; termCount: number } {
  const { hits, termCount } = index.search(question, 12);
  const seen = new Set<string>();
  const out: TopicHit[] = [];
  for (const hit of hits) {
    const topic = topics.topicOfEntry(hit.id);
    if (seen.has(topic)) continue;
    seen.add(topic);
    out.push({ topic, score: hit.score, coverage: hit.coverage });
  }
  return { hits: out, termCount };
}

/** The first version's picker: BM25 over the answers' phrasings and text, with coverage and lead rules. */
export class SearchPicker implements AnswerPicker {
  constructor(
    private readonly index: SearchIndex,
    private readonly topics: AnswerTopics,
  ) {}

  pick(question: string): Pick {
    const c = SEARCH_CONFIDENCE;
    const { hits, termCount } = searchTopics(this.index, this.topics, question);
    const [top, next] = hits;
    if (!top || top.coverage < c.suggestCoverage) return { kind: 'noMatch' };
    const leads = !next || top.score >= next.score * c.answerLead;
    const sure = top.coverage >= c.sureCoverage && termCount >= c.sureTerms;
    if (top.coverage >= c.answerCoverage && (leads || sure)) return { kind: 'answer', topic: top.topic };
    const topics = hits
      .filter((h) => h.coverage >= c.suggestCoverage && h.score >= top.score * 0.5)
      .slice(0, MAX_SUGGESTIONS)
      .map((h) => h.topic);
    return { kind: 'didYouMean', topics };
  }
}
