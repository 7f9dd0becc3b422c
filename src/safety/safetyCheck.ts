import type { SafetyKind, SafetyRules } from './safetyRules';

export type SafetyResult =
  | { kind: SafetyKind; rule: string }
  /** Harm described in the past, or asked about in general: no emergency, but a kind word. */
  | { kind: 'past'; rule: string }
  | { kind: 'none' };

/** Kinds in order of priority: a message that is both self-harm and danger gets the self-harm reply (which also says 999). */
const PRIORITY: readonly SafetyKind[] = ['self-harm', 'danger', 'disclosure'];

/**
 * Lower case; curly quotes straightened and apostrophes dropped ("they’ll" → "theyll"); emoji that
 * stand for words replaced; letters repeated three or more times squeezed to one ("pleeeease" →
 * "please"); punctuation to spaces; then misspellings and text-speak respelled word by word.
 */
export function normaliseMessage(text: string, rules: Pick<SafetyRules, 'respell' | 'emoji'>): string {
  let t = text.normalize('NFKC').toLowerCase();
  for (const [emoji, word] of rules.emoji) t = t.split(emoji).join(` ${word} `);
  t = t
    .replace(/[\u2018\u2019\u201b\u2032`']/g, '')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return t
    .split(' ')
    .map((w) => rules.respell.get(w) ?? w)
    .join(' ');
}

/** What the rules see in one message: every rule that matches, and the past, general-question and "now" cues. */
export interface RuleView {
  result: SafetyResult;
  /** The same, as feature names for the classifier: "r:<rule id>", "r:<kind>", "q:past", "q:general", "q:now". */
  cues: string[];
}

/**
 * The rules over one message, normalised once. The result is the most serious kind that matches; a
 * "happening now" rule is held back when the message is about the past or is a general question, unless
 * it also says now ("still", "right now", "tonight"). The cues let the classifier learn how far to trust
 * each rule on messages written by other people.
 */
export function viewByRules(text: string, rules: SafetyRules): RuleView {
  const message = normaliseMessage(text, rules);
  if (!message) return { result: { kind: 'none' }, cues: [] };
  const matched = rules.rules.filter((rule) => rule.patterns.some((p) => p.test(message)));
  const isNow = rules.now.some((p) => p.test(message));
  const isPast = rules.past.some((p) => p.test(message));
  const isGeneral = rules.general.some((p) => p.test(message));
  const cues = [...new Set(matched.flatMap((rule) => [`r:${rule.id}`, `r:${rule.kind}`]))];
  if (isPast) cues.push('q:past');
  if (isGeneral) cues.push('q:general');
  if (isNow) cues.push('q:now');
  const heldBack = !isNow && (isPast || isGeneral);
  let past: string | undefined;
  for (const kind of PRIORITY) {
    for (const rule of matched) {
      if (rule.kind !== kind) continue;
      if (heldBack && !rule.timeless) {
        past ??= rule.id;
        continue;
      }
      return { result: { kind, rule: rule.id }, cues };
    }
  }
  return { result: past ? { kind: 'past', rule: past } : { kind: 'none' }, cues };
}

/** The rules' verdict alone (see viewByRules). */
export function checkSafety(text: string, rules: SafetyRules): SafetyResult {
  return viewByRules(text, rules).result;
}

/** The rules' cues alone, as feature names (see viewByRules). */
export function ruleCues(text: string, rules: SafetyRules): string[] {
  return viewByRules(text, rules).cues;
}
