import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';

export interface LabelledQuestion {
  q: string;
  /** The entry that answers it, or null when nothing in the knowledge base does. */
  expect: string | null;
  split: 'tune' | 'holdout';
}

export interface SplitFigures {
  inScope: number;
  outOfScope: number;
  /** In-scope questions whose best-ranked entry is the right one. */
  top1: number;
  /** In-scope: answered straight away, and rightly. */
  answeredRight: number;
  /** In-scope: answered straight away with the wrong entry. */
  answeredWrong: number;
  /** In-scope: "did you mean" offered, and the right entry among the choices. */
  didYouMeanRight: number;
  didYouMean: number;
  noMatch: number;
  /** Out-of-scope questions given a confident answer (must stay rare). */
  falseAnswers: number;
  outOfScopeDidYouMean: number;
  misses: Array<{ q: string; expect: string | null; got: string }>;
}

export function loadLabelledQuestions(repoRoot: string): LabelledQuestion[] {
  return JSON.parse(readFileSync(join(repoRoot, 'tests', 'knowledge', 'kb-questions.json'), 'utf8')) as LabelledQuestion[];
}

/** Runs every question through the same ranking and confidence rules the bot uses. */
export function evaluate(kb: KnowledgeBase, items: readonly LabelledQuestion[]): SplitFigures {
  const f: SplitFigures = {
    inScope: 0, outOfScope: 0, top1: 0, answeredRight: 0, answeredWrong: 0, didYouMeanRight: 0,
    didYouMean: 0, noMatch: 0, falseAnswers: 0, outOfScopeDidYouMean: 0, misses: [],
  };
  for (const item of items) {
    const finding = kb.find(item.q);
    const top = kb.rank(item.q)[0]?.id;
    const got =
      finding.kind === 'answer' ? finding.entry.id : finding.kind === 'didYouMean' ? `? ${finding.options.map((o) => o.id).join(' | ')}` : '(no match)';
    if (item.expect === null) {
      f.outOfScope++;
      if (finding.kind === 'answer') f.falseAnswers++;
      if (finding.kind === 'didYouMean') f.outOfScopeDidYouMean++;
      if (finding.kind === 'answer') f.misses.push({ q: item.q, expect: null, got });
      continue;
    }
    f.inScope++;
    if (top === item.expect) f.top1++;
    if (finding.kind === 'answer') {
      if (finding.entry.id === item.expect) f.answeredRight++;
      else f.answeredWrong++;
    } else if (finding.kind === 'didYouMean') {
      f.didYouMean++;
      if (finding.options.some((o) => o.id === item.expect)) f.didYouMeanRight++;
    } else f.noMatch++;
    if (top !== item.expect || finding.kind !== 'answer') f.misses.push({ q: item.q, expect: item.expect, got: `${got}  [top ${top ?? '-'}]` });
  }
  return f;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

export function formatFigures(name: string, f: SplitFigures): string {
  return [
    `${name}: ${f.inScope} in scope, ${f.outOfScope} out of scope`,
    `  top-1 accuracy            ${pct(f.top1, f.inScope)}  (${f.top1}/${f.inScope})`,
    `  answered, right           ${pct(f.answeredRight, f.inScope)}`,
    `  answered, wrong           ${pct(f.answeredWrong, f.inScope)}`,
    `  "did you mean" rate       ${pct(f.didYouMean, f.inScope)}  (right one offered in ${f.didYouMeanRight}/${f.didYouMean})`,
    `  no match (in scope)       ${pct(f.noMatch, f.inScope)}`,
    `  out of scope: false answers ${pct(f.falseAnswers, f.outOfScope)}  (${f.falseAnswers}/${f.outOfScope}); "did you mean" ${pct(f.outOfScopeDidYouMean, f.outOfScope)}`,
  ].join('\n');
}
