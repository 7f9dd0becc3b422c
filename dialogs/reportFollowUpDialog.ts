import { indicatorArea } from '../src/indicators/concernCounts';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/sendReply';
import type { Concern } from '../src/concerns/concern';
import { matchChoice } from '../src/channels/matchChoice';
import { followUpPrompt, followUpReply, onlySaysYes, staffQuestionMessage, statusMessage, type FollowUpStage } from '../src/concerns/followUpPrompts';
import { examineText, parseDetailChoice, removeFromText, type FoundDetail } from '../src/concerns/ownDetails';
import { findReference } from '../src/concerns/referenceCode';
import { ownDetailsOutcome } from '../src/concerns/reportPrompts';
import { isSkip } from '../src/concerns/reportDraft';
import { normaliseAnswer } from '../src/text/normaliseAnswer';
import { DialogIds } from './dialogIds';
import type { ReportStart } from './reportConcernDialog';
import { SAFETY_ANSWERED } from './turnFlags';
import type { ShellDeps } from './shellDeps';

export interface FollowUpOptions {
  /** The reference, when the reporter has already typed it. */
  ref?: string;
}

interface FollowUpState {
  stage: FollowUpStage;
  ref?: string;
  /** Failed attempts at typing a reference. */
  attempts: number;
}

/** A reply this long that picks no option is something they want to tell us (as at the report's start). */
const NEWS_LENGTH = 10;

/** Tries at a reference before we stop asking. */
const MAX_ATTEMPTS = 3;

/**
 * A reporter coming back with their reference: a coarse status (never the details), any question
 * duty staff left for them, and a chance to add information.
 */
export class ReportFollowUpDialog extends Dialog<FollowUpOptions> {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.reportFollowUp);
  }

  private get words() {
    return this.deps.report.content.reference;
  }

  override async beginDialog(dc: DialogContext, options?: FollowUpOptions): Promise<DialogTurnResult> {
    const state: FollowUpState = { stage: { kind: 'askRef' }, attempts: 0 };
    dc.activeDialog!.state = state;
    if (options?.ref) return this.lookUp(dc, state, options.ref);
    await sendReply(dc.context, { text: this.words.ask });
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as FollowUpState;
    const text = (dc.context.activity.text ?? '').trim();
    const { stage } = state;
    // The safety check answered this message first. Danger in news for duty staff makes the concern urgent.
    const answered = dc.context.turnState.get(SAFETY_ANSWERED) as string | undefined;
    const danger = answered === 'danger' || answered === 'self-harm';
    if (stage.kind === 'closedOffer') return this.onClosedOffer(dc, stage.ref, text, answered !== undefined);
    if (answered && stage.kind === 'askRef') {
      await this.repromptDialog(dc.context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    if (stage.kind === 'askRef') {
      const ref = findReference(text);
      if (ref) return this.lookUp(dc, state, ref);
      return this.failedAttempt(dc, state, this.words.notRecognised);
    }
    if (stage.kind === 'details') return this.onDetails(dc, state, stage, text, danger);
    if (stage.kind === 'answer') {
      if (danger || (!isSkip(text, this.deps.report.content) && text.length > 0)) {
        // Danger is saved at once, as sent: staff must see it now. Otherwise the reporter's own details first.
        if (!danger && (await this.askAboutDetails(dc, state, text, stage.questionId))) return Dialog.EndOfTurn;
        return this.saveAnswer(dc, state, stage.questionId, text, danger);
      }
      return this.next(dc, state, stage.questionId);
    }
    // Adding information.
    const said = normaliseAnswer(text);
    if (!danger && (said === '' || said === 'no' || said === 'no thanks' || isSkip(text, this.deps.report.content))) {
      await sendReply(dc.context, { text: this.words.nothingAdded });
      return dc.endDialog();
    }
    if (!danger && onlySaysYes(text, this.words)) {
      await sendReply(dc.context, { text: this.words.goAhead });
      return Dialog.EndOfTurn;
    }
    if (!danger && (await this.askAboutDetails(dc, state, text))) return Dialog.EndOfTurn;
    return this.saveAddition(dc, state, text, danger);
  }

  /**
   * When the message holds details that could identify someone, asks which are the reporter's own (as the
   * report does) and holds the message until they say; true when it asked.
   */
  private async askAboutDetails(dc: DialogContext, state: FollowUpState, text: string, questionId?: string): Promise<boolean> {
    const found = await examineText(text.slice(0, 4000), this.deps.report.language);
    if (found.length === 0) return false;
    state.stage = { kind: 'details', text: text.slice(0, 4000), found, ...(questionId ? { questionId } : {}) };
    await sendReply(dc.context, { text: followUpPrompt(state.stage, this.words, this.deps.report.content) });
    return true;
  }

  private async onDetails(
    dc: DialogContext,
    state: FollowUpState,
    stage: Extract<FollowUpStage, { kind: 'details' }>,
    text: string,
    danger: boolean,
  ): Promise<DialogTurnResult> {
    const { ownDetails } = this.deps.report.content;
    if (danger) {
      // Danger typed instead of an answer: saved at once, as sent; the held message still waits for its answer.
      await this.save(dc, true, () => this.deps.report.store.addInformation(state.ref!, text.slice(0, 4000), this.deps.report.now(), { danger: true }));
      await sendReply(dc.context, { text: followUpPrompt(stage, this.words, this.deps.report.content) });
      return Dialog.EndOfTurn;
    }
    const picked = parseDetailChoice(text, stage.found.length, [...ownDetails.noneChoice.synonyms, ownDetails.noneChoice.label]);
    if (!picked) {
      await sendReply(dc.context, { text: ownDetails.retry });
      return Dialog.EndOfTurn;
    }
    const chosen = picked.map((i) => stage.found[i]).filter((d): d is FoundDetail => d !== undefined);
    const cleaned = removeFromText(stage.text, chosen, ownDetails.removedMarker);
    await sendReply(dc.context, { text: ownDetailsOutcome(chosen.length, this.deps.report.content) });
    return stage.questionId ? this.saveAnswer(dc, state, stage.questionId, cleaned, false) : this.saveAddition(dc, state, cleaned, false);
  }

  private async saveAnswer(dc: DialogContext, state: FollowUpState, questionId: string, text: string, danger: boolean): Promise<DialogTurnResult> {
    const saved = await this.save(dc, danger, () => this.deps.report.store.answerQuestion(state.ref!, questionId, text.slice(0, 4000), this.deps.report.now(), { danger }));
    if (!saved) return dc.endDialog();
    await sendReply(dc.context, { text: this.words.answerSaved });
    return this.next(dc, state, questionId);
  }

  private async saveAddition(dc: DialogContext, state: FollowUpState, text: string, danger: boolean): Promise<DialogTurnResult> {
    const saved = await this.save(dc, danger, () => this.deps.report.store.addInformation(state.ref!, text.slice(0, 4000), this.deps.report.now(), { danger }));
    if (saved) await sendReply(dc.context, { text: this.words.added });
    return dc.endDialog();
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as FollowUpState;
    await sendReply(context, followUpReply(state.stage, this.words, this.deps.report.content));
  }

  private async lookUp(dc: DialogContext, state: FollowUpState, ref: string): Promise<DialogTurnResult> {
    let concern: Concern | undefined;
    try {
      concern = await this.deps.report.store.get(ref);
    } catch {
      await sendReply(dc.context, { text: this.words.saveFailed });
      return dc.endDialog();
    }
    if (!concern) return this.failedAttempt(dc, state, this.words.notFound);
    state.ref = concern.ref;
    this.deps.events.reporterReturned(indicatorArea(concern));
    await sendReply(dc.context, { text: statusMessage(concern, this.words) });
    return this.next(dc, state, undefined, concern);
  }

  /** The next unanswered staff question after `afterId`, then the offer to add information. */
  private async next(dc: DialogContext, state: FollowUpState, afterId: string | undefined, known?: Concern): Promise<DialogTurnResult> {
    const concern = known ?? (await this.deps.report.store.get(state.ref!).catch(() => undefined));
    if (!concern) return dc.endDialog();
    const open = concern.questions.filter((q) => q.answer === null);
    const startAt = afterId ? open.findIndex((q) => q.id === afterId) + 1 : 0;
    const question = open[startAt];
    if (question) {
      state.stage = { kind: 'answer', questionId: question.id };
      await sendReply(dc.context, { text: staffQuestionMessage(question.text, this.words) });
      return Dialog.EndOfTurn;
    }
    if (concern.status === 'closed') {
      state.stage = { kind: 'closedOffer', ref: concern.ref };
      await sendReply(dc.context, followUpReply(state.stage, this.words));
      return Dialog.EndOfTurn;
    }
    state.stage = { kind: 'add' };
    await sendReply(dc.context, { text: this.words.addPrompt });
    return Dialog.EndOfTurn;
  }

  /**
   * Their report is closed: a new report that follows it, or back to the menu. Something else they typed
   * (news, or danger the safety check has just answered) starts the new report as what is worrying them,
   * as at the report's own start, so nothing they said is lost.
   */
  private async onClosedOffer(dc: DialogContext, ref: string, text: string, safetyAnswered: boolean): Promise<DialogTurnResult> {
    const choice = matchChoice(text, this.words.closedOfferChoices);
    if (choice?.value === 'menu') return dc.endDialog();
    const news = !choice && text.length >= NEWS_LENGTH ? text : undefined;
    if (choice?.value === 'new-report' || news) return dc.replaceDialog(DialogIds.reportConcern, { follows: ref, ...(news ? { worry: news } : {}) } satisfies ReportStart);
    const offer = followUpReply({ kind: 'closedOffer', ref }, this.words);
    // After a safety message, just ask again; otherwise say we did not understand, with the choices.
    await sendReply(dc.context, safetyAnswered ? offer : { text: this.deps.content.didNotUnderstand, choices: offer.choices ?? [] });
    return Dialog.EndOfTurn;
  }

  private async failedAttempt(dc: DialogContext, state: FollowUpState, message: string): Promise<DialogTurnResult> {
    state.attempts += 1;
    if (state.attempts >= MAX_ATTEMPTS) {
      await sendReply(dc.context, { text: this.words.giveUp });
      return dc.endDialog();
    }
    state.stage = { kind: 'askRef' };
    await sendReply(dc.context, { text: message });
    return Dialog.EndOfTurn;
  }

  /**
   * Runs a store update; says so kindly and returns false when it could not be saved. When it carried
   * danger, duty staff's alerts are woken at once, as for a new urgent report.
   */
  private async save(dc: DialogContext, danger: boolean, update: () => Promise<boolean>): Promise<boolean> {
    try {
      if (await update()) {
        if (danger) this.deps.report.urgentUpdated();
        return true;
      }
    } catch {
      // Reported below: nothing was saved, nothing was lost.
    }
    await sendReply(dc.context, { text: this.words.saveFailed });
    return false;
  }
}
