import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { channelProfile } from '../src/channels/channelProfile';
import { matchChoice } from '../src/channels/matchChoice';
import type { Choice } from '../src/channels/reply';
import { sendReply } from '../src/channels/sendReply';
import { fillTemplate } from '../src/content/template';
import { parseContactDetail } from '../src/concerns/contactDetails';
import type { ConcernSubmitter, WithdrawOutcome } from '../src/concerns/concernSubmitter';
import { newReference } from '../src/concerns/referenceCode';
import { examineAnswers, parseDetailChoice, removeDetails, type FoundDetail } from '../src/concerns/ownDetails';
import { buildConcern, interpretAnswer, isSkip, MAX_RETRIES, nextQuestion, unaskedQuestion, type QuestionId, type ReportDraft } from '../src/concerns/reportDraft';
import {
  areaChoices,
  CHANGE_CONTACT,
  changeChoices,
  notSentChoices,
  ownDetailsOutcome,
  receivedMessage,
  reportPrompt,
  retryPrompt,
  type ReportStage,
  type ReportWords,
} from '../src/concerns/reportPrompts';
import { reportRoute } from '../src/concerns/reportSummary';
import { AREA_IDS, type AreaId } from '../src/signposting/areas';
import { DialogIds } from './dialogIds';
import { OUTCOME_TOLD, SAFETY_ANSWERED } from './turnFlags';
import type { ShellDeps } from './shellDeps';

interface ReportState {
  stage: ReportStage;
  draft: ReportDraft;
  /** How many times the current question has been asked again. */
  retries: number;
  /** Came from the summary to change one answer: go back to the summary after it. */
  editing: boolean;
  /** Chosen once, at the first attempt to send, so a retry keeps it. */
  ref?: string;
}

/** A report started from a closed concern's follow-up: it follows that reference, and may start with their words. */
export interface ReportStart {
  follows?: string;
  /** What they typed at the offer: kept as what is worrying them. */
  worry?: string;
}

/** Questions a message the safety check answered cannot be the answer to (a place, an age, how they know them): asked again. */
const ASKED_AGAIN_AFTER_SAFETY: ReadonlySet<QuestionId> = new Set(['place', 'relationship', 'childAge']);

/** What the report dialog returns to the menu when the reporter chose "I have a reference". */
export interface ReportEnded {
  followUp?: boolean;
}

/**
 * Reporting a concern: what happens to a report, then one question at a time (each can be skipped),
 * contact or anonymity, a check for the reporter's own details, a summary to check, and sending. The
 * reporter is told "received" only once the store has acknowledged the concern.
 */
export class ReportConcernDialog extends Dialog<ReportStart> {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.reportConcern);
  }

  private get words() {
    return this.deps.report.content;
  }

  /** What the prompts are built from (src/concerns/reportPrompts). */
  private get prompts(): ReportWords {
    return this.promptsFor('web');
  }

  /** The prompts' words for where they are read: on SMS and WhatsApp the shorter intro, contact question and receipt. */
  private promptsFor(kind: 'web' | 'text'): ReportWords {
    const { report, content, localHelp } = this.deps;
    const { textChannels } = report.content;
    const words = kind === 'text'
      ? {
          ...report.content,
          intro: { ...report.content.intro, text: textChannels.intro },
          contact: { ...report.content.contact, ask: { ...report.content.contact.ask, text: textChannels.contact } },
          submit: { ...report.content.submit, received: textChannels.received },
        }
      : report.content;
    return {
      content: words,
      didNotUnderstand: content.didNotUnderstand,
      retentionDays: report.retentionDays,
      agencies: report.agencies,
      areaName: (area) => localHelp.areaName(area),
    };
  }

  override async beginDialog(dc: DialogContext, options?: ReportStart): Promise<DialogTurnResult> {
    const state: ReportState = {
      stage: { kind: 'intro' },
      draft: { submissionId: randomUUID(), answers: {}, removedDetails: 0 },
      retries: 0,
      editing: false,
    };
    dc.activeDialog!.state = state;
    if (options?.follows) {
      // They have reported before and just saw their report is closed: no intro again, straight to the questions.
      state.draft.follows = options.follows;
      if (options.worry) state.draft.answers.worry = options.worry.slice(0, 2000);
      await sendReply(dc.context, { text: fillTemplate(this.words.reference.newReportLinked, { ref: options.follows }) });
      return this.ask(dc, state, { kind: 'question', question: 'subject' });
    }
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as ReportState;
    const text = (dc.context.activity.text ?? '').trim();
    const { stage } = state;
    if (dc.context.turnState.get(SAFETY_ANSWERED) && stage.kind !== 'question') {
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    switch (stage.kind) {
      case 'intro':
        return this.onIntro(dc, state, text);
      case 'question':
        return this.onAnswer(dc, state, stage.question, text);
      case 'whichArea':
        return this.onWhichArea(dc, state, stage.areas, text);
      case 'contactAsk':
        return this.onContactAsk(dc, state, text);
      case 'contactHow':
        return this.onContactHow(dc, state, text);
      case 'contactConsent':
        return this.onConsent(dc, state, stage.how, text);
      case 'ownDetails':
        return this.onOwnDetails(dc, state, stage.found, text);
      case 'summary':
      case 'notSent':
        return this.onSummary(dc, state, text);
      case 'whichToChange':
        return this.onWhichToChange(dc, state, text);
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.prompt(context, instance.state as ReportState);
  }

  // ---- the steps --------------------------------------------------------------------------------

  private async onIntro(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choice = matchChoice(text, this.words.intro.choices);
    if (choice?.value === 'reference') return dc.endDialog({ followUp: true } satisfies ReportEnded);
    if (choice?.value === 'not-now') return dc.endDialog();
    if (choice?.value === 'start') return this.ask(dc, state, { kind: 'question', question: 'subject' });
    // Anything else is taken as the start of the report: what is worrying them, in their own words.
    if (text.length >= 10) {
      state.draft.answers.worry = text.slice(0, 2000);
      return this.ask(dc, state, { kind: 'question', question: 'subject' });
    }
    await sendReply(dc.context, { text: this.deps.content.didNotUnderstand, choices: this.words.intro.choices });
    return Dialog.EndOfTurn;
  }

  private async onAnswer(dc: DialogContext, state: ReportState, question: QuestionId, text: string): Promise<DialogTurnResult> {
    const result = interpretAnswer(question, text, this.words, state.retries);
    if (dc.context.turnState.get(SAFETY_ANSWERED) && (result.kind !== 'answer' || ASKED_AGAIN_AFTER_SAFETY.has(question))) {
      // The safety message came first: don't scold, just ask the question again.
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (result.kind === 'retry') {
      state.retries += 1;
      await sendReply(dc.context, retryPrompt(question, result.reason, this.prompts));
      return Dialog.EndOfTurn;
    }
    const value = result.kind === 'answer' ? result.value : null;
    state.draft.answers[question] = value;
    if (question === 'dangerNow') {
      state.draft.urgentAnswer = value === 'yes';
      if (value === 'yes') await sendReply(dc.context, { text: this.words.questions.dangerNow.saidYes });
    }
    if (question === 'place') {
      const placed = this.placeArea(value);
      if (placed.kind === 'ask') return this.ask(dc, state, { kind: 'whichArea', areas: placed.areas });
      state.draft.area = placed.area;
    }
    return this.afterQuestion(dc, state, question);
  }

  private async onWhichArea(dc: DialogContext, state: ReportState, areas: AreaId[], text: string): Promise<DialogTurnResult> {
    const choices = areaChoices(areas, this.prompts);
    const choice = matchChoice(text, choices);
    if (await this.askedAgain(dc, state, text, choice, choices)) return Dialog.EndOfTurn;
    state.draft.area = areas.find((id) => id === choice?.value) ?? null;
    return this.afterQuestion(dc, state, 'place');
  }

  /**
   * Asks a closed choice again when the reply picked nothing and was not a skip, at most MAX_RETRIES
   * times; after that the caller takes the safe default. True when it asked again.
   */
  private async askedAgain(dc: DialogContext, state: ReportState, text: string, choice: Choice | undefined, choices: readonly Choice[]): Promise<boolean> {
    if (choice || isSkip(text, this.words) || state.retries >= MAX_RETRIES) return false;
    state.retries += 1;
    await sendReply(dc.context, { text: this.deps.content.didNotUnderstand, choices });
    return true;
  }

  private async afterQuestion(dc: DialogContext, state: ReportState, question: QuestionId): Promise<DialogTurnResult> {
    if (state.editing) {
      // A changed answer can make a question apply that was never asked (now about a child: their age).
      const unasked = unaskedQuestion(state.draft);
      if (unasked) return this.ask(dc, state, { kind: 'question', question: unasked });
      // A changed answer is checked again for the reporter's own details (and its language) before the summary.
      return this.toOwnDetails(dc, state);
    }
    let next = nextQuestion(question, state.draft);
    // Their worry in their own words came first (at the intro, or at a closed report's offer): not asked again.
    if (next === 'worry' && state.draft.answers.worry) next = nextQuestion(next, state.draft);
    return this.ask(dc, state, next ? { kind: 'question', question: next } : { kind: 'contactAsk' });
  }

  private async onContactAsk(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choice = matchChoice(text, this.words.contact.ask.choices);
    if (choice?.value === 'contact') return this.ask(dc, state, { kind: 'contactHow' });
    if (await this.askedAgain(dc, state, text, choice, this.words.contact.ask.choices)) return Dialog.EndOfTurn;
    delete state.draft.contact;
    return this.toOwnDetails(dc, state);
  }

  private async onContactHow(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    if (isSkip(text, this.words)) return this.stayAnonymous(dc, state);
    const how = parseContactDetail(text);
    if (!how) {
      await sendReply(dc.context, { text: this.words.contact.howRetry });
      return Dialog.EndOfTurn;
    }
    return this.ask(dc, state, { kind: 'contactConsent', how });
  }

  private async onConsent(dc: DialogContext, state: ReportState, how: string, text: string): Promise<DialogTurnResult> {
    const choice = matchChoice(text, this.words.contact.consent.choices);
    if (choice?.value === 'agree') {
      state.draft.contact = { how, consentAt: this.deps.report.now().toISOString() };
      return this.toOwnDetails(dc, state);
    }
    if (await this.askedAgain(dc, state, text, choice, this.words.contact.consent.choices)) return Dialog.EndOfTurn;
    return this.stayAnonymous(dc, state);
  }

  private async stayAnonymous(dc: DialogContext, state: ReportState): Promise<DialogTurnResult> {
    delete state.draft.contact;
    await sendReply(dc.context, { text: this.words.contact.stayingAnonymous });
    return this.toOwnDetails(dc, state);
  }

  /**
   * Records the language of the answers; anonymous reporters also see what in them could identify
   * someone (leaving out what they already said is not theirs), and say which is theirs.
   */
  private async toOwnDetails(dc: DialogContext, state: ReportState): Promise<DialogTurnResult> {
    const { found, language } = await examineAnswers(state.draft, this.deps.report.language);
    state.draft.language = language;
    if (found.length === 0 || state.draft.contact) return this.toSummary(dc, state);
    return this.ask(dc, state, { kind: 'ownDetails', found });
  }

  private async onOwnDetails(dc: DialogContext, state: ReportState, found: FoundDetail[], text: string): Promise<DialogTurnResult> {
    const { ownDetails } = this.words;
    // Numbers always mean the listed details (no numbered "none" option: on SMS it would read as detail 1).
    const picked = parseDetailChoice(text, found.length, [...ownDetails.noneChoice.synonyms, ownDetails.noneChoice.label]);
    if (!picked) {
      await sendReply(dc.context, { text: ownDetails.retry });
      return Dialog.EndOfTurn;
    }
    const chosen = picked.map((i) => found[i]).filter((d): d is FoundDetail => d !== undefined);
    const kept = found.filter((d) => !chosen.includes(d)).map((d) => d.text);
    state.draft = removeDetails(state.draft, chosen, ownDetails.removedMarker);
    state.draft.keptDetails = [...(state.draft.keptDetails ?? []), ...kept];
    await sendReply(dc.context, { text: ownDetailsOutcome(chosen.length, this.words) });
    return this.toSummary(dc, state);
  }

  private async toSummary(dc: DialogContext, state: ReportState): Promise<DialogTurnResult> {
    state.editing = false;
    return this.ask(dc, state, { kind: 'summary' });
  }

  private async onSummary(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choices = state.stage.kind === 'notSent' ? notSentChoices(this.words) : this.words.summary.choices;
    const choice = matchChoice(text, choices);
    if (choice?.value === 'send' || choice?.value === 'retry') return this.send(dc, state);
    if (choice?.value === 'change') return this.ask(dc, state, { kind: 'whichToChange' });
    if (choice?.value === 'cancel-report') {
      const fate = await this.deps.report.submitter.withdraw(state.draft.submissionId);
      const text = fate.deleted ? this.words.submit.discarded : fillTemplate(this.words.submit.alreadySent, { ref: fate.ref });
      await sendReply(dc.context, { text });
      return dc.endDialog();
    }
    await sendReply(dc.context, { text: this.words.summary.retry, choices });
    return Dialog.EndOfTurn;
  }

  private async onWhichToChange(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choices = changeChoices(this.words, state.draft);
    const choice = matchChoice(text, choices);
    if (!choice) {
      await sendReply(dc.context, { text: this.words.summary.whichToChange, choices });
      return Dialog.EndOfTurn;
    }
    state.editing = true;
    if (choice.value === CHANGE_CONTACT) return this.ask(dc, state, { kind: 'contactAsk' });
    return this.ask(dc, state, { kind: 'question', question: choice.value as QuestionId });
  }

  /** Stores the concern; says "received" with the reference only once the store has acknowledged it. */
  private async send(dc: DialogContext, state: ReportState): Promise<DialogTurnResult> {
    const { report } = this.deps;
    const profile = await this.deps.profile.get(dc.context, {});
    state.ref ??= newReference();
    const route = reportRoute(state.draft, report.agencies);
    const concern = buildConcern(
      state.draft,
      {
        ref: state.ref,
        agency: route.agency.id,
        alsoTo: route.alsoTo.map((a) => a.id),
        now: report.now(),
        channel: dc.context.activity.channelId,
        audience: profile.audience,
        urgentFromChat: profile.urgent === true,
        consentWording: this.words.contact.consent.wording,
      },
      this.words,
    );
    const outcome = await report.submitter.submit(concern);
    if (!outcome.stored) {
      state.stage = { kind: 'notSent', kept: outcome.kept };
      await this.prompt(dc.context, state);
      dc.context.turnState.set(OUTCOME_TOLD, true);
      return Dialog.EndOfTurn;
    }
    // Sent before the conversation is saved: if that save fails, this is still the one message (see OUTCOME_TOLD),
    // and "Send it" again (the saved state is the summary) finds the same submission and gives the same reference.
    const receipt = this.promptsFor(channelProfile(dc.context.activity.channelId).kind).content;
    await sendReply(dc.context, { text: receivedMessage(outcome.ref, profile.audience, receipt, concern.urgent) });
    dc.context.turnState.set(OUTCOME_TOLD, true);
    return dc.endDialog();
  }

  // ---- asking -----------------------------------------------------------------------------------

  private async ask(dc: DialogContext, state: ReportState, stage: ReportStage): Promise<DialogTurnResult> {
    state.stage = stage;
    state.retries = 0;
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async prompt(context: TurnContext, state: ReportState): Promise<void> {
    await sendReply(context, reportPrompt(state.stage, state.draft, this.promptsFor(channelProfile(context.activity.channelId).kind)));
  }

  /** The area a typed place resolves to, or the areas to ask between. */
  private placeArea(value: string | null): { kind: 'area'; area: AreaId | null } | { kind: 'ask'; areas: AreaId[] } {
    if (!value) return { kind: 'area', area: null };
    const match = this.deps.localHelp.placeIn(value);
    if (match.kind === 'area') return { kind: 'area', area: match.area };
    if (match.kind === 'ambiguous') return { kind: 'ask', areas: match.areas };
    return { kind: 'ask', areas: [...AREA_IDS] };
  }
}

/**
 * What to say when the report being written in `dc`'s stack is deleted from outside the dialog (menu, start
 * over, cancel): the unsent report is taken out of the outbox, and if the store had it anyway, its reference.
 */
export async function withdrawUnsentReport(dc: DialogContext, submitter: Pick<ConcernSubmitter, 'withdraw'>): Promise<WithdrawOutcome> {
  const instance = dc.stack.find((i) => i.id === DialogIds.reportConcern);
  if (!instance) return { deleted: true };
  return submitter.withdraw((instance.state as ReportState).draft.submissionId);
}
