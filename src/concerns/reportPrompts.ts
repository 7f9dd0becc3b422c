import type { Choice, Reply } from '../channels/reply';
import { fillTemplate } from '../content/template';
import type { Audience } from '../shell/audience';
import { AREA_IDS, type AreaId } from '../signposting/areas';
import type { AgencyDirectory } from './agencies';
import type { FoundDetail } from './ownDetails';
import type { ReportContent } from './reportContent';
import { aboutThemself, answerLimit, asksQuestion, choicesFor, QUESTION_IDS, type QuestionId, type ReportDraft } from './reportDraft';
import { reportSummary } from './reportSummary';

/** Where the report conversation is: what the reporter is being asked. Only ids, values and their answers. */
export type ReportStage =
  | { kind: 'intro' }
  | { kind: 'question'; question: QuestionId }
  | { kind: 'whichArea'; areas: AreaId[] }
  | { kind: 'contactAsk' }
  | { kind: 'contactHow' }
  | { kind: 'contactConsent'; how: string }
  | { kind: 'ownDetails'; found: FoundDetail[] }
  | { kind: 'summary' }
  | { kind: 'whichToChange' }
  /** Not stored; kept: waiting in the outbox (absent in states saved before the outbox: kept then too). */
  | { kind: 'notSent'; kept?: boolean };

/** What the report's prompts are built from: report.yaml and the few facts it refers to. */
export interface ReportWords {
  content: ReportContent;
  /** The shell's "I didn't understand" line, for a choice that matched nothing. */
  didNotUnderstand: string;
  /** Days a closed concern is kept (the intro says so). */
  retentionDays: number;
  /** Where a report goes (the summary names the agency). */
  agencies: AgencyDirectory;
  /** An area's name as people say it ("Barnsley"). */
  areaName: (area: AreaId) => string;
}

/** Why an answer is asked for again (see interpretAnswer). */
export type RetryReason = 'too-short' | 'too-long' | 'no-choice';

/** The value of the "which answer to change" option that changes the contact choice. */
export const CHANGE_CONTACT = 'contact';

/** What the reporter sees at a stage: the question or summary, with its choices. */
export function reportPrompt(stage: ReportStage, draft: ReportDraft, words: ReportWords): Reply {
  const w = words.content;
  switch (stage.kind) {
    case 'intro':
      return { text: fillTemplate(w.intro.text, { retentionDays: words.retentionDays }), choices: w.intro.choices };
    case 'question':
      return {
        text: questionText(stage.question, draft, w),
        choices: choicesFor(stage.question, w),
        // A bare age ("16") is an age: see src/channels/expectedAnswer.
        ...(stage.question === 'childAge' ? { expects: 'age' as const } : {}),
      };
    case 'whichArea':
      return { text: stage.areas.length === AREA_IDS.length ? w.questions.place.notKnown : w.questions.place.whichArea, choices: areaChoices(stage.areas, words) };
    case 'contactAsk':
      return { text: w.contact.ask.text, choices: w.contact.ask.choices };
    case 'contactHow':
      return { text: w.contact.how };
    case 'contactConsent':
      return { text: fillTemplate(w.contact.consent.text, { how: stage.how }), choices: w.contact.consent.choices };
    case 'ownDetails':
      return { text: ownDetailsList(stage.found, w) };
    case 'summary':
      return { text: reportSummary(draft, words), choices: w.summary.choices };
    case 'whichToChange':
      return { text: w.summary.whichToChange, choices: changeChoices(w, draft) };
    case 'notSent':
      return { text: stage.kept === false ? w.submit.notKept : w.submit.notSent, choices: notSentChoices(w) };
  }
}

/** Asking for an answer again, kindly, by what was wrong with it. */
export function retryPrompt(question: QuestionId, reason: RetryReason, words: ReportWords): Reply {
  const w = words.content;
  if (question === 'dangerNow') return { text: w.questions.dangerNow.retry, choices: choicesFor(question, w) };
  if (reason === 'no-choice') return { text: words.didNotUnderstand, choices: choicesFor(question, w) };
  if (reason === 'too-short') return { text: w.questions.worry.retryShort };
  return { text: fillTemplate(w.tooLong, { limit: answerLimit(question) }), ...(question === 'childAge' ? { expects: 'age' as const } : {}) };
}

/** The areas a place could be in, by name, and "somewhere else". */
export function areaChoices(areas: readonly AreaId[], words: ReportWords): Choice[] {
  return [...areas.map((id) => ({ value: id, label: words.areaName(id), synonyms: [] })), words.content.questions.place.elsewhere];
}

/** After a failed send: try again, change something or delete it ("send it" still works too). */
export function notSentChoices(content: ReportContent): Choice[] {
  return [...content.submit.retryChoices, ...content.summary.choices.filter((c) => c.value !== 'send')];
}

/** Each answer of this report the reporter can change from the summary, and the contact choice. */
export function changeChoices(content: ReportContent, draft: ReportDraft): Choice[] {
  const labels = content.summary.labels;
  const asked = QUESTION_IDS.filter((q) => asksQuestion(q, draft));
  return [...asked.map((q) => ({ value: q, label: labels[q] })), { value: CHANGE_CONTACT, label: labels.contact }];
}

/** A question in its words: the age and the parents' question are put kindly to a young person about themself. */
export function questionText(question: QuestionId, draft: ReportDraft, content: ReportContent): string {
  const q = content.questions;
  if (aboutThemself(draft) && (question === 'childAge' || question === 'parentsKnow')) return q[question].self;
  return q[question].text;
}

/** What the reporter is told after saying which listed details are theirs (`removed` of them). */
export function ownDetailsOutcome(removed: number, content: ReportContent): string {
  return removed > 0 ? fillTemplate(content.ownDetails.removed, { count: removed }) : content.ownDetails.kept;
}

/** The confirmation once the store has the report: its reference, and a word for a young person. */
export function receivedMessage(ref: string, audience: Audience | undefined, content: ReportContent, urgent = false): string {
  const parts = [fillTemplate(content.submit.received, { ref })];
  // An urgent report is not read live: the receipt says so again, and 999, before anything else.
  if (urgent) parts.push(content.submit.receivedUrgent);
  if (audience === 'young-person') parts.push(content.submit.receivedYoungPerson);
  return parts.join('\n\n');
}

/** The details found, numbered with what kind each is, and how to say which are the reporter's own. */
export function ownDetailsList(found: readonly FoundDetail[], content: ReportContent): string {
  const list = found.map((d, i) => `${i + 1}. ${d.text} (${content.categories[d.category]})`).join('\n');
  return [content.ownDetails.found, list, content.ownDetails.ask].join('\n\n');
}
