import type { Asker } from '../../src/knowledge/answerTopics';
import type { AnswerPicker } from '../../src/knowledge/answerPicker';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { CorpusQuestion } from './questionCorpus';

/*
 * The answer picker scored on corpus questions, without the bot around it: fast enough to compare methods
 * and choose thresholds on the dev split. `npm run eval:kb` counts what the bot actually sends instead.
 */

export interface PickerFigures {
  inScope: number;
  outOfScope: number;
  right: number;
  wrong: number;
  didYouMean: number;
  didYouMeanRight: number;
  noAnswer: number;
  outOfScopeAnswered: number;
  outOfScopeDidYouMean: number;
}

/** The person as the corpus describes them: what they chose at the start, and their channel's kind. */
export function askerOf(q: Pick<CorpusQuestion, 'chose' | 'channel'>): Asker {
  const channel = q.channel === 'webchat' ? 'web' : 'text';
  return q.chose === 'none' ? { channel } : { audience: q.chose, channel };
}

export type Outcome = 'right' | 'wrong' | 'didYouMeanRight' | 'didYouMeanWrong' | 'noAnswer' | 'outAnswered' | 'outDidYouMean' | 'outNoAnswer';

export function outcomeOf(kb: KnowledgeBase, q: CorpusQuestion, picker?: AnswerPicker): { outcome: Outcome; got: string } {
  const f = kb.find(q.text, askerOf(q), picker);
  const got = f.kind === 'answer' ? f.entry.id : f.kind === 'didYouMean' ? `? ${f.options.map((o) => o.id).join(' | ')}` : '(no answer)';
  if (q.outOfScope) return { outcome: f.kind === 'answer' ? 'outAnswered' : f.kind === 'didYouMean' ? 'outDidYouMean' : 'outNoAnswer', got };
  if (f.kind === 'answer') return { outcome: q.expected.includes(f.entry.id) ? 'right' : 'wrong', got };
  if (f.kind === 'didYouMean') return { outcome: f.options.some((o) => q.expected.includes(o.id)) ? 'didYouMeanRight' : 'didYouMeanWrong', got };
  return { outcome: 'noAnswer', got };
}

export function figuresOf(outcomes: readonly Outcome[]): PickerFigures {
  const n = (o: Outcome) => outcomes.filter((x) => x === o).length;
  const outOfScope = n('outAnswered') + n('outDidYouMean') + n('outNoAnswer');
  return {
    inScope: outcomes.length - outOfScope,
    outOfScope,
    right: n('right'),
    wrong: n('wrong'),
    didYouMean: n('didYouMeanRight') + n('didYouMeanWrong'),
    didYouMeanRight: n('didYouMeanRight'),
    noAnswer: n('noAnswer'),
    outOfScopeAnswered: n('outAnswered'),
    outOfScopeDidYouMean: n('outDidYouMean'),
  };
}

export function evaluatePicker(kb: KnowledgeBase, questions: readonly CorpusQuestion[], picker?: AnswerPicker): PickerFigures {
  return figuresOf(questions.map((q) => outcomeOf(kb, q, picker).outcome));
}

export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

export function pickerLine(f: PickerFigures): string {
  return `right ${pct(f.right, f.inScope)}, wrong ${pct(f.wrong, f.inScope)}, did you mean ${pct(f.didYouMean, f.inScope)} (right offered ${f.didYouMeanRight}/${f.didYouMean}), no answer ${pct(f.noAnswer, f.inScope)}; out of scope answered ${pct(f.outOfScopeAnswered, f.outOfScope)}`;
}
