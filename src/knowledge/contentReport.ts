import type { KnowledgeEntry } from './knowledgeEntry';
import { fleschKincaidGrade } from './readability';

/** Reading grade above which an answer is reported as hard to read (grade 7 ≈ reading age 12). */
export const MAX_READING_GRADE = 8;
/** How long a review stays current. */
export const REVIEW_MONTHS = 12;

export interface ContentFinding {
  id: string;
  kind: 'source-not-in-fact-base' | 'review-overdue' | 'hard-to-read' | 'has-review-notes';
  detail: string;
}

/**
 * What a content owner should look at: sources not in the fact base, reviews past due, answers that
 * are hard to read, and open review notes (facts flagged unverified).
 */
export function contentFindings(entries: readonly KnowledgeEntry[], factBase: string, today: Date): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const e of entries) {
    for (const url of e.sources) {
      if (!factBase.includes(url)) findings.push({ id: e.id, kind: 'source-not-in-fact-base', detail: url });
    }
    const due = new Date(`${e.reviewed}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + REVIEW_MONTHS);
    if (due < today) findings.push({ id: e.id, kind: 'review-overdue', detail: `reviewed ${e.reviewed}` });
    for (const [field, text] of [['short', e.short], ['long', e.long]] as const) {
      if (!text) continue;
      const grade = fleschKincaidGrade(text);
      if (grade > MAX_READING_GRADE) findings.push({ id: e.id, kind: 'hard-to-read', detail: `${field}: grade ${grade.toFixed(1)}` });
    }
    if (e.review_notes) findings.push({ id: e.id, kind: 'has-review-notes', detail: e.review_notes.slice(0, 100) });
  }
  return findings;
}
