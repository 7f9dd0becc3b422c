import type { PersonalDetail } from './languageService';

/**
 * Resolves overlapping details: the longest wins (on a tie, the one listed first), so that
 * "flat 3, 45 High Street" is one address rather than an address and a stray number.
 * Returns the survivors in text order.
 */
export function keepLongest(details: readonly PersonalDetail[]): PersonalDetail[] {
  const byLength = details.map((d, i) => ({ d, i })).sort((a, b) => b.d.length - a.d.length || a.i - b.i);
  const kept: PersonalDetail[] = [];
  for (const { d } of byLength) {
    if (!kept.some((k) => d.offset < k.offset + k.length && k.offset < d.offset + d.length)) kept.push(d);
  }
  return kept.sort((a, b) => a.offset - b.offset);
}
