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

/**
 * The safety check: local, no network, run on every message before anything else. Returns the most
 * serious kind that matches. A "happening now" rule is held back when the message is about the past
 * or is a general question, unless it also says now ("still", "right now", "tonight").
 */
export function checkSafety(text: string, rules: SafetyRules): SafetyResult {
  const message = normaliseMessage(text, rules);
  if (!message) return { kind: 'none' };
  const isNow = rules.now.some((p) => p.test(message));
  const heldBack = !isNow && (rules.past.some((p) => p.test(message)) || rules.general.some((p) => p.test(message)));
  let past: string | undefined;
  for (const kind of PRIORITY) {
    for (const rule of rules.rules) {
      if (rule.kind !== kind || !rule.patterns.some((p) => p.test(message))) continue;
      if (heldBack && !rule.timeless) {
        past ??= rule.id;
        continue;
      }
      return { kind, rule: rule.id };
    }
  }
  return past ? { kind: 'past', rule: past } : { kind: 'none' };
}

/**
 * What the rules see in a message, as features for the classifier: each rule that matches (held back
 * or not) and whether the past, general-question and "now" cues are present. The classifier learns how
 * far to trust each one on messages written by other people.
 */
export function ruleCues(text: string, rules: SafetyRules): string[] {
  const message = normaliseMessage(text, rules);
  if (!message) return [];
  const cues: string[] = [];
  for (const rule of rules.rules) if (rule.patterns.some((p) => p.test(message))) cues.push(`r:${rule.id}`, `r:${rule.kind}`);
  if (rules.past.some((p) => p.test(message))) cues.push('q:past');
  if (rules.general.some((p) => p.test(message))) cues.push('q:general');
  if (rules.now.some((p) => p.test(message))) cues.push('q:now');
  return [...new Set(cues)];
}
