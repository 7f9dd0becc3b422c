import type { Reply } from '../channels/reply';
import { fillTemplate } from '../content/template';
import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Concern } from './concern';
import type { FoundDetail } from './ownDetails';
import type { ReportContent } from './reportContent';
import { ownDetailsList } from './reportPrompts';

/** Where a reporter coming back with their reference is: typing it, answering staff, or adding news. */
export type FollowUpStage =
  | { kind: 'askRef' }
  | { kind: 'answer'; questionId: string }
  | { kind: 'add' }
  /** Their report is closed: start a new report that follows it, or back to the menu. */
  | { kind: 'closedOffer'; ref: string }
  /** What they sent holds details that could identify someone: which are theirs, before it is saved. */
  | { kind: 'details'; text: string; found: FoundDetail[]; questionId?: string };

type ReferenceWords = ReportContent['reference'];

/** What the reporter is asked at a stage (again, after an interruption). */
export function followUpPrompt(stage: FollowUpStage, words: ReferenceWords, content?: ReportContent): string {
  if (stage.kind === 'askRef') return words.ask;
  if (stage.kind === 'add') return words.addPrompt;
  if (stage.kind === 'closedOffer') return fillTemplate(words.closedOffer, { ref: stage.ref });
  if (stage.kind === 'details' && content) return ownDetailsList(stage.found, content);
  return words.answerPrompt;
}

/** What the reporter sees at a stage, with its choices (only the closed report's offer has any). */
export function followUpReply(stage: FollowUpStage, words: ReferenceWords, content?: ReportContent): Reply {
  const text = followUpPrompt(stage, words, content);
  return stage.kind === 'closedOffer' ? { text, choices: words.closedOfferChoices } : { text };
}

/** A coarse status for the reporter's concern, and that the details are not shown. */
export function statusMessage(concern: Pick<Concern, 'ref' | 'status'>, words: ReferenceWords): string {
  return `${fillTemplate(words.status[concern.status], { ref: concern.ref })}\n\n${words.noDetails}`;
}

/** A question duty staff left for the reporter, and how to answer it. */
export function staffQuestionMessage(question: string, words: ReferenceWords): string {
  return `${fillTemplate(words.question, { question })}\n\n${words.answerPrompt}`;
}

/** True when what the reporter typed at "do you want to add anything?" only says yes: ask for the news itself. */
export function onlySaysYes(text: string, words: ReferenceWords): boolean {
  const said = normaliseAnswer(text);
  return words.goAheadWords.some((w) => normaliseAnswer(w) === said);
}
