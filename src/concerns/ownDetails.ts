import type { LanguageService, PersonalDetailCategory } from '../language/languageService';
import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Concern } from './concern';
import { FREE_TEXT_LIMITS, type FreeTextQuestion, type ReportDraft } from './reportDraft';

/** A detail found in the answers that could identify someone, shown to the reporter once however often it appears. */
export interface FoundDetail {
  text: string;
  category: PersonalDetailCategory;
}

/** At most this many are listed: more would not fit an SMS, and the reporter can still edit the answers. */
export const MAX_LISTED = 9;

const FREE_TEXT_QUESTIONS = Object.keys(FREE_TEXT_LIMITS) as FreeTextQuestion[];

/**
 * Looks through the reporter's own words for details that could identify someone (except those the
 * reporter already said are not theirs), and for the language they wrote in (from the longest answer).
 */
export async function examineAnswers(
  draft: ReportDraft,
  language: LanguageService,
): Promise<{ found: FoundDetail[]; language: Concern['language'] }> {
  const texts = FREE_TEXT_QUESTIONS.map((q) => draft.answers[q]).filter((t): t is string => typeof t === 'string' && t.length > 0);
  if (texts.length === 0) return { found: [], language: { code: null, confidence: null, detectedBy: 'local' } };
  const analyses = await language.analyse(texts);
  const found: FoundDetail[] = [];
  const seen = new Set<string>((draft.keptDetails ?? []).map(normaliseAnswer));
  for (const analysis of analyses) {
    for (const detail of analysis.details) {
      const key = normaliseAnswer(detail.text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      found.push({ text: detail.text, category: detail.category });
    }
  }
  let longest = 0;
  for (let i = 1; i < texts.length; i += 1) if ((texts[i]?.length ?? 0) > (texts[longest]?.length ?? 0)) longest = i;
  const chosen = analyses[longest];
  return {
    found: found.slice(0, MAX_LISTED),
    language: { code: chosen?.language.code ?? null, confidence: chosen?.language.confidence ?? null, detectedBy: chosen?.detectedBy ?? 'local' },
  };
}

/** The details in one message the reporter sends later (news, an answer to staff), as in examineAnswers. */
export async function examineText(text: string, language: LanguageService): Promise<FoundDetail[]> {
  const [analysis] = await language.analyse([text]);
  const found: FoundDetail[] = [];
  const seen = new Set<string>();
  for (const detail of analysis?.details ?? []) {
    const key = normaliseAnswer(detail.text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    found.push({ text: detail.text, category: detail.category });
  }
  return found.slice(0, MAX_LISTED);
}

/** The message with the chosen details taken out, each replaced by the marker. */
export function removeFromText(text: string, chosen: readonly FoundDetail[], marker: string): string {
  return chosen.reduce((value, detail) => value.split(detail.text).join(marker), text);
}

/** Takes the chosen details out of every free-text answer, leaving a marker so staff know something was removed. */
export function removeDetails(draft: ReportDraft, chosen: readonly FoundDetail[], marker: string): ReportDraft {
  const answers = { ...draft.answers };
  for (const q of FREE_TEXT_QUESTIONS) {
    let value = answers[q];
    if (typeof value !== 'string') continue;
    for (const detail of chosen) value = value.split(detail.text).join(marker);
    answers[q] = value;
  }
  return { ...draft, answers, removedDetails: draft.removedDetails + chosen.length };
}

/**
 * Which listed details the reporter says are theirs: "1", "1 and 3", "2,3", "all", or "none" (→ []).
 * Undefined when the reply names no valid number.
 */
export function parseDetailChoice(text: string, count: number, noneWords: readonly string[]): number[] | undefined {
  const said = normaliseAnswer(text);
  if (noneWords.map(normaliseAnswer).includes(said)) return [];
  if (said === 'all' || said === 'all of them') return Array.from({ length: count }, (_, i) => i);
  const numbers = said.match(/\d+/g)?.map(Number) ?? [];
  const leftover = said.replace(/\d+/g, '').replace(/\b(and|or|&|number|numbers|only)\b/g, '').trim();
  if (numbers.length === 0 || leftover !== '' || numbers.some((n) => n < 1 || n > count)) return undefined;
  return [...new Set(numbers.map((n) => n - 1))].sort((a, b) => a - b);
}
