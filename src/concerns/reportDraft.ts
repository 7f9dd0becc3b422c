import type { Choice } from '../channels/reply';
import { matchChoice } from '../channels/matchChoice';
import type { Audience } from '../shell/audience';
import type { AreaId } from '../signposting/areas';
import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Concern, ConcernSubject } from './concern';
import type { ReportContent } from './reportContent';
import { newTriageRecord } from './triageRecord';

/** The report's questions, in the order they are asked. */
export const QUESTION_IDS = [
  'subject',
  'worry',
  'whoAtRisk',
  'place',
  'when',
  'dangerNow',
  'peopleInvolved',
  'howTheyKnow',
  'communicationNeeds',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Questions answered in the reporter's own words, with the longest answer each may be. */
export const FREE_TEXT_LIMITS = {
  worry: 2000,
  whoAtRisk: 300,
  place: 200,
  peopleInvolved: 2000,
  communicationNeeds: 300,
} as const satisfies Partial<Record<QuestionId, number>>;
export type FreeTextQuestion = keyof typeof FREE_TEXT_LIMITS;

/** The longest answer a question takes in the reporter's own words (choice questions with words: 300). */
export function answerLimit(question: QuestionId): number {
  return FREE_TEXT_LIMITS[question as FreeTextQuestion] ?? 300;
}

/** Choice questions that also take an answer in the reporter's own words ("last Tuesday night"). */
const OPEN_CHOICES: ReadonlySet<QuestionId> = new Set(['when', 'howTheyKnow']);

/** How many times a closed choice is asked again before we settle for "not sure" and move on. */
export const MAX_RETRIES = 2;

/**
 * A report being written. Kept in conversation state only (it expires with the chat); it never holds
 * the reporter's user id, phone number or IP address.
 */
export interface ReportDraft {
  /** Random, so a retried submit stores one concern; identifies nobody. */
  submissionId: string;
  /** Answers so far: a choice's value or the reporter's words; null when skipped. */
  answers: Partial<Record<QuestionId, string | null>>;
  /** The council area the place resolved to; null when unknown or outside South Yorkshire. */
  area?: AreaId | null;
  /** The reporter said someone is in danger right now. */
  urgentAnswer?: boolean;
  /** Set only after explicit consent. */
  contact?: { how: string; consentAt: string };
  /** How many of their own details the reporter asked us to take out. */
  removedDetails: number;
  /** Details the reporter said are not theirs: not listed again when a changed answer is checked. */
  keptDetails?: string[];
  language?: Concern['language'];
}

/** What a reporter's reply to a question means. */
export type Interpreted =
  | { kind: 'answer'; value: string }
  | { kind: 'skip' }
  | { kind: 'retry'; reason: 'too-short' | 'too-long' | 'no-choice' };

/** Whether the whole reply says "skip" in one of the content's ways ("don't know", "pass"...). */
export function isSkip(text: string, content: ReportContent): boolean {
  const said = normaliseAnswer(text);
  return content.skipWords.some((w) => normaliseAnswer(w) === said);
}

/** The choices a question offers (none for free-text questions). */
export function choicesFor(question: QuestionId, content: ReportContent): readonly Choice[] {
  const q = content.questions[question];
  return 'choices' in q ? q.choices : [];
}

/**
 * Reads a reply to one question: skip words skip; choices are matched by number, label or synonym;
 * free text is checked for length. Never throws, never a dead end: the dialog re-asks kindly.
 */
export function interpretAnswer(question: QuestionId, text: string, content: ReportContent, retries = 0): Interpreted {
  const trimmed = text.trim();
  const choices = choicesFor(question, content);
  if (choices.length > 0) {
    const choice = matchChoice(trimmed, choices);
    if (choice) return { kind: 'answer', value: choice.value };
    if (isSkip(trimmed, content)) return { kind: 'skip' };
    if (OPEN_CHOICES.has(question) && trimmed.length >= 2) return freeText(trimmed, answerLimit(question));
    // After asking again, settle for "not sure" rather than trap the reporter.
    if (retries >= MAX_RETRIES) return question === 'subject' || question === 'dangerNow' ? { kind: 'answer', value: 'not-sure' } : { kind: 'skip' };
    return { kind: 'retry', reason: 'no-choice' };
  }
  if (isSkip(trimmed, content)) return { kind: 'skip' };
  const needs = content.questions.communicationNeeds;
  if (question === 'communicationNeeds' && needs.noWords.some((w) => normaliseAnswer(w) === normaliseAnswer(trimmed))) {
    // Answered "no": recorded as such, so staff do not read it as a question left unanswered.
    return { kind: 'answer', value: needs.noneNeeded };
  }
  return freeText(trimmed, answerLimit(question));
}

function freeText(text: string, limit: number): Interpreted {
  if (normaliseAnswer(text).length < 2) return { kind: 'retry', reason: 'too-short' };
  if (text.length > limit) return { kind: 'retry', reason: 'too-long' };
  return { kind: 'answer', value: text };
}

/** The label a stored choice value stands for, or the reporter's own words. */
export function answerText(question: QuestionId, value: string, content: ReportContent): string {
  return choicesFor(question, content).find((c) => c.value === value)?.label ?? value;
}

/** What the report is mainly about, as routing reads it: "not sure" until the reporter says. */
export function subjectOf(draft: ReportDraft): ConcernSubject {
  const value = draft.answers.subject;
  return value === 'child' || value === 'place' ? value : 'not-sure';
}

/** The next question to ask after this one, or undefined when all have been asked. */
export function nextQuestion(after: QuestionId | undefined): QuestionId | undefined {
  if (after === undefined) return QUESTION_IDS[0];
  return QUESTION_IDS[QUESTION_IDS.indexOf(after) + 1];
}

export interface ConcernContext {
  ref: string;
  agency: string;
  now: Date;
  channel: string;
  audience?: Audience;
  /** The safety check found immediate danger or self-harm earlier in this chat. */
  urgentFromChat: boolean;
  consentWording: string;
}

/** The concern as it will be stored: the draft's answers, and nothing that identifies an anonymous reporter. */
export function buildConcern(draft: ReportDraft, ctx: ConcernContext, content: ReportContent): Concern {
  const a = draft.answers;
  const at = ctx.now.toISOString();
  const text = (q: QuestionId) => {
    const value = a[q];
    return value ? answerText(q, value, content) : null;
  };
  const urgentReasons: Concern['urgentReasons'] = [];
  if (draft.urgentAnswer) urgentReasons.push('danger-now-answer');
  if (ctx.urgentFromChat) urgentReasons.push('safety-check');
  const dangerNow = a.dangerNow;
  return {
    ref: ctx.ref,
    submissionId: draft.submissionId,
    agency: ctx.agency,
    area: draft.area ?? null,
    receivedAt: at,
    urgent: urgentReasons.length > 0,
    urgentReasons,
    status: 'received',
    statusChangedAt: at,
    subject: subjectOf(draft),
    answers: {
      worry: a.worry ?? null,
      whoAtRisk: a.whoAtRisk ?? null,
      place: a.place ?? null,
      when: text('when'),
      dangerNow: dangerNow === 'yes' || dangerNow === 'no' || dangerNow === 'not-sure' ? dangerNow : null,
      peopleInvolved: a.peopleInvolved ?? null,
      howTheyKnow: text('howTheyKnow'),
      communicationNeeds: a.communicationNeeds ?? null,
    },
    reporter: draft.contact
      ? { mode: 'contact', how: draft.contact.how, consent: { wording: ctx.consentWording, at: draft.contact.consentAt } }
      : { mode: 'anonymous' },
    reporterRole: ctx.audience ?? null,
    channel: ctx.channel,
    language: draft.language ?? { code: null, confidence: null, detectedBy: 'local' },
    ownDetailsRemoved: draft.removedDetails,
    additions: [],
    questions: [],
    triage: newTriageRecord(),
  };
}
