import type { Choice } from '../channels/reply';
import { matchChoice } from '../channels/matchChoice';
import type { Audience } from '../shell/audience';
import type { AreaId } from '../signposting/areas';
import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Concern, ConcernAnswers, ConcernSubject } from './concern';
import type { ReportContent } from './reportContent';
import { SHARED_BY_ROUTING } from './concernShare';
import { newTriageRecord } from './triageRecord';

/** The report's questions, in the order they are asked. */
export const QUESTION_IDS = [
  'subject',
  'worry',
  'whoAtRisk',
  'childrenInvolved',
  'relationship',
  'childAge',
  'parentsKnow',
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
  relationship: 300,
  childAge: 100,
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
const OPEN_CHOICES: ReadonlySet<QuestionId> = new Set(['when', 'howTheyKnow', 'relationship']);

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
  /** The reference of a closed concern this report follows (started from that concern's follow-up). */
  follows?: string;
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
  // An age may be a single digit ("9").
  if (question === 'childAge') return trimmed.length > 0 ? freeText(trimmed, answerLimit(question), 1) : { kind: 'retry', reason: 'too-short' };
  const needs = content.questions.communicationNeeds;
  if (question === 'communicationNeeds' && needs.noWords.some((w) => normaliseAnswer(w) === normaliseAnswer(trimmed))) {
    // Answered "no": recorded as such, so staff do not read it as a question left unanswered.
    return { kind: 'answer', value: needs.noneNeeded };
  }
  return freeText(trimmed, answerLimit(question));
}

function freeText(text: string, limit: number, shortest = 2): Interpreted {
  if (normaliseAnswer(text).length < shortest) return { kind: 'retry', reason: 'too-short' };
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

/** The report is about the reporter themself (a young person): some questions are asked in other words. */
export function aboutThemself(draft: ReportDraft): boolean {
  return draft.answers.relationship === 'self';
}

/**
 * Whether a question is asked of this report: the child's age and whether their parents know only when it
 * may be about a child, and never "do the parents know?" of a reporter who said they are the parent.
 */
export function asksQuestion(question: QuestionId, draft: ReportDraft): boolean {
  if (question === 'childrenInvolved') return subjectOf(draft) === 'place';
  if (question !== 'childAge' && question !== 'parentsKnow') return true;
  if (subjectOf(draft) === 'place') return false;
  return question === 'childAge' || draft.answers.relationship !== 'parent';
}

/** The next question this report asks after this one, or undefined when all have been asked. */
export function nextQuestion(after: QuestionId | undefined, draft: ReportDraft): QuestionId | undefined {
  const from = after === undefined ? 0 : QUESTION_IDS.indexOf(after) + 1;
  return QUESTION_IDS.slice(from).find((q) => asksQuestion(q, draft));
}

/** A question the report now asks that was never asked (a changed answer made it apply), if any. */
export function unaskedQuestion(draft: ReportDraft): QuestionId | undefined {
  return QUESTION_IDS.find((q) => asksQuestion(q, draft) && !(q in draft.answers));
}

export interface ConcernContext {
  ref: string;
  agency: string;
  /** Agencies that get it as well, each with a part of its own (content/agencies.yaml alsoTo). */
  alsoTo?: readonly string[];
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
  const asked = (q: QuestionId) => (asksQuestion(q, draft) ? (a[q] ?? null) : null);
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
      relationship: text('relationship'),
      childAge: asked('childAge'),
      parentsKnow: parentsKnow(draft),
      place: a.place ?? null,
      when: text('when'),
      dangerNow: dangerNow === 'yes' || dangerNow === 'no' || dangerNow === 'not-sure' ? dangerNow : null,
      childrenInvolved: childrenInvolved(draft),
      peopleInvolved: a.peopleInvolved ?? null,
      howTheyKnow: text('howTheyKnow'),
      communicationNeeds: a.communicationNeeds ?? null,
    },
    reporter: draft.contact
      ? { mode: 'contact', how: draft.contact.how, consent: { wording: ctx.consentWording, at: draft.contact.consentAt } }
      : { mode: 'anonymous' },
    reporterRole: ctx.audience ?? null,
    follows: draft.follows ?? null,
    channel: ctx.channel,
    language: draft.language ?? { code: null, confidence: null, detectedBy: 'local' },
    ownDetailsRemoved: draft.removedDetails,
    additions: [],
    questions: [],
    triage: newTriageRecord(),
    shares: (ctx.alsoTo ?? []).map((agency) => ({ agency, at, by: SHARED_BY_ROUTING, from: null, reason: null, triage: newTriageRecord() })),
  };
}

/** About a place: whether the reporter said children under 18 are involved (null: not asked or skipped). */
export function childrenInvolved(draft: ReportDraft): ConcernAnswers['childrenInvolved'] {
  const value = asksQuestion('childrenInvolved', draft) ? draft.answers.childrenInvolved : null;
  return value === 'yes' || value === 'no' || value === 'not-sure' ? value : null;
}

/** Whether the child's parents or carers know; "reporter-is-parent" when it was not asked for that reason. */
function parentsKnow(draft: ReportDraft): ConcernAnswers['parentsKnow'] {
  if (subjectOf(draft) !== 'place' && draft.answers.relationship === 'parent') return 'reporter-is-parent';
  const value = asksQuestion('parentsKnow', draft) ? draft.answers.parentsKnow : null;
  return value === 'yes' || value === 'no' || value === 'not-sure' ? value : null;
}
