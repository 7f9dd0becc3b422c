import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSafety } from '../src/safety/safetyCheck';
import type { SafetyRules } from '../src/safety/safetyRules';

export interface LabelledMessage {
  text: string;
  expect: 'danger' | 'self-harm' | 'disclosure' | 'none';
  note?: string;
}

export interface SafetyFigures {
  /** Per kind: how many were labelled, how many the check caught as that kind. */
  recall: Record<'danger' | 'self-harm' | 'disclosure', { labelled: number; caught: number }>;
  /** Messages that must not trigger, and how many did (any interrupting kind). */
  mustNot: number;
  falsePositives: number;
  misses: Array<{ text: string; expect: string; got: string }>;
}

export function loadSafetySet(repoRoot: string): LabelledMessage[] {
  return JSON.parse(readFileSync(join(repoRoot, 'tests', 'safety', 'safety-set.json'), 'utf8')) as LabelledMessage[];
}

/** Runs every labelled message through the same check the bot uses. */
export function evaluateSafety(rules: SafetyRules, items: readonly LabelledMessage[]): SafetyFigures {
  const f: SafetyFigures = {
    recall: { danger: { labelled: 0, caught: 0 }, 'self-harm': { labelled: 0, caught: 0 }, disclosure: { labelled: 0, caught: 0 } },
    mustNot: 0,
    falsePositives: 0,
    misses: [],
  };
  for (const item of items) {
    const result = checkSafety(item.text, rules);
    const got = result.kind === 'none' || result.kind === 'past' ? result.kind : `${result.kind} (${result.rule})`;
    if (item.expect === 'none') {
      f.mustNot++;
      if (result.kind !== 'none' && result.kind !== 'past') {
        f.falsePositives++;
        f.misses.push({ text: item.text, expect: 'none', got });
      }
      continue;
    }
    f.recall[item.expect].labelled++;
    if (result.kind === item.expect) f.recall[item.expect].caught++;
    else f.misses.push({ text: item.text, expect: item.expect, got });
  }
  return f;
}
