import type { AnswerPicker, Pick } from './answerPicker';
import { MAX_SUGGESTIONS } from './answerPicker';
import type { AnswerTopics } from './answerTopics';
import { OUT_OF_SCOPE, type QuestionClassifier } from './questionModel';
import { searchTopics } from './searchPicker';
import type { SearchIndex } from './searchIndex';

export interface TopicShare {
  topic: string;
  share: number;
}

/**
 * The trained picker: the classifier's probability for each topic, blended with the search's view
 * (searchWeight 0 is the classifier alone). The search's view of a topic is its coverage of the question,
 * scaled by its score against the best. Out of scope wins → no answer.
 */
export class ModelPicker implements AnswerPicker {
  constructor(
    private readonly classifier: QuestionClassifier,
    private readonly index: SearchIndex,
    private readonly topics: AnswerTopics,
    private readonly thresholds: { answer: number; suggest: number; searchWeight: number },
  ) {}

  /** Every topic's blended share, best first (out of scope included). */
  shares(question: string): TopicShare[] {
    const w = this.thresholds.searchWeight;
    const probabilities = this.classifier.probabilities(question);
    const search = new Map<string, number>();
    if (w > 0) {
      const { hits } = searchTopics(this.index, this.topics, question);
      const best = hits[0]?.score ?? 0;
      for (const h of hits) search.set(h.topic, best ? h.coverage * (h.score / best) : 0);
    }
    return probabilities
      .filter((p) => p.topic === OUT_OF_SCOPE || this.topics.has(p.topic))
      .map(({ topic, p }) => ({ topic, share: (1 - w) * p + w * (search.get(topic) ?? 0) }))
      .sort((a, b) => b.share - a.share);
  }

  pick(question: string): Pick {
    return decide(this.shares(question), this.thresholds);
  }
}

/** The decision from the blended shares: answer, "did you mean", or nothing (out of scope wins → nothing). */
export function decide(shares: readonly TopicShare[], thresholds: { answer: number; suggest: number }): Pick {
  const top = shares[0];
  if (!top || top.topic === OUT_OF_SCOPE) return { kind: 'noMatch' };
  if (top.share >= thresholds.answer) return { kind: 'answer', topic: top.topic };
  const topics = shares
    .filter((s) => s.topic !== OUT_OF_SCOPE && s.share >= thresholds.suggest)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.topic);
  return topics.length ? { kind: 'didYouMean', topics } : { kind: 'noMatch' };
}
