import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { matchChoice } from '../src/channels/matchChoice';
import type { Choice, Reply } from '../src/channels/reply';
import { sendReply } from '../src/channels/sendReply';
import { parseContactDetail } from '../src/concerns/contactDetails';
import { newReference } from '../src/concerns/referenceCode';
import { examineAnswers, parseDetailChoice, removeDetails, type FoundDetail } from '../src/concerns/ownDetails';
import {
  answerLimit,
  answerText,
  buildConcern,
  choicesFor,
  interpretAnswer,
  isSkip,
  MAX_RETRIES,
  nextQuestion,
  QUESTION_IDS,
  subjectOf,
  type QuestionId,
  type ReportDraft,
} from '../src/concerns/reportDraft';
import { AREA_IDS, type AreaId } from '../src/signposting/areas';
import { DialogIds } from './dialogIds';
import { SAFETY_ANSWERED } from './turnFlags';
import type { ShellDeps } from './shellDeps';

/** Where the report conversation is. Only ids, values and the reporter's answers are kept. */
type Stage =
  | { kind: 'intro' }
  | { kind: 'question'; question: QuestionId }
  | { kind: 'whichArea'; areas: AreaId[] }
  | { kind: 'contactAsk' }
  | { kind: 'contactHow' }
  | { kind: 'contactConsent'; how: string }
  | { kind: 'ownDetails'; found: FoundDetail[] }
  | { kind: 'summary' }
  | { kind: 'whichToChange' }
  | { kind: 'notSent' };

interface ReportState {
  stage: Stage;
  draft: ReportDraft;
  /** How many times the current question has been asked again. */
  retries: number;
  /** Came from the summary to change one answer: go back to the summary after it. */
  editing: boolean;
  /** Chosen once, at the first attempt to send, so a retry keeps it. */
  ref?: string;
}

/** What the report dialog returns to the menu when the reporter chose "I have a reference". */
export interface ReportEnded {
  followUp?: boolean;
}

const CHANGE_CONTACT = 'contact';

/**
 * Reporting a concern: what happens to a report, then one question at a time (each can be skipped),
 * contact or anonymity, a check for the reporter's own details, a summary to check, and sending. The
 * reporter is told "received" only once the store has acknowledged the concern.
 */
export class ReportConcernDialog extends Dialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.reportConcern);
  }

  private get words() {
    return this.deps.report.content;
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state: ReportState = {
      stage: { kind: 'intro' },
      draft: { submissionId: randomUUID(), answers: {}, removedDetails: 0 },
      retries: 0,
      editing: false,
    };
    dc.activeDialog!.state = state;
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
    if (dc.context.turnState.get(SAFETY_ANSWERED) && (result.kind !== 'answer' || question === 'place')) {
      // The safety message came first: don't scold, just ask the question again.
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (result.kind === 'retry') {
      state.retries += 1;
      await sendReply(dc.context, this.retryReply(question, result.reason));
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
    const choice = matchChoice(text, this.areaChoices(areas));
    if (await this.askedAgain(dc, state, text, choice, this.areaChoices(areas))) return Dialog.EndOfTurn;
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
    // A changed answer is checked again for the reporter's own details (and its language) before the summary.
    if (state.editing) return this.toOwnDetails(dc, state);
    const next = nextQuestion(question);
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
    await sendReply(dc.context, { text: chosen.length > 0 ? ownDetails.removed.replace('{count}', String(chosen.length)) : ownDetails.kept });
    return this.toSummary(dc, state);
  }

  private async toSummary(dc: DialogContext, state: ReportState): Promise<DialogTurnResult> {
    state.editing = false;
    return this.ask(dc, state, { kind: 'summary' });
  }

  private async onSummary(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choices = state.stage.kind === 'notSent' ? this.notSentChoices() : this.words.summary.choices;
    const choice = matchChoice(text, choices);
    if (choice?.value === 'send' || choice?.value === 'retry') return this.send(dc, state);
    if (choice?.value === 'change') return this.ask(dc, state, { kind: 'whichToChange' });
    if (choice?.value === 'cancel-report') {
      await sendReply(dc.context, { text: this.words.submit.discarded });
      return dc.endDialog();
    }
    await sendReply(dc.context, { text: this.words.summary.retry, choices });
    return Dialog.EndOfTurn;
  }

  private async onWhichToChange(dc: DialogContext, state: ReportState, text: string): Promise<DialogTurnResult> {
    const choice = matchChoice(text, this.changeChoices());
    if (!choice) {
      await sendReply(dc.context, { text: this.words.summary.whichToChange, choices: this.changeChoices() });
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
    const agency = this.agencyFor(state.draft);
    const concern = buildConcern(
      state.draft,
      {
        ref: state.ref,
        agency: agency.id,
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
      state.stage = { kind: 'notSent' };
      await sendReply(dc.context, { text: this.words.submit.notSent, choices: this.notSentChoices() });
      return Dialog.EndOfTurn;
    }
    const received = this.words.submit.received.replace('{ref}', outcome.ref);
    const extra = profile.audience === 'young-person' ? `\n\n${this.words.submit.receivedYoungPerson}` : '';
    await sendReply(dc.context, { text: received + extra });
    return dc.endDialog();
  }

  // ---- asking -----------------------------------------------------------------------------------

  private async ask(dc: DialogContext, state: ReportState, stage: Stage): Promise<DialogTurnResult> {
    state.stage = stage;
    state.retries = 0;
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async prompt(context: TurnContext, state: ReportState): Promise<void> {
    await sendReply(context, this.promptFor(state));
  }

  private promptFor(state: ReportState): Reply {
    const w = this.words;
    const { stage } = state;
    switch (stage.kind) {
      case 'intro':
        return { text: w.intro.text.replace('{retentionDays}', String(this.deps.report.retentionDays)), choices: w.intro.choices };
      case 'question':
        return { text: w.questions[stage.question].text, choices: choicesFor(stage.question, w) };
      case 'whichArea':
        return { text: stage.areas.length === AREA_IDS.length ? w.questions.place.notKnown : w.questions.place.whichArea, choices: this.areaChoices(stage.areas) };
      case 'contactAsk':
        return { text: w.contact.ask.text, choices: w.contact.ask.choices };
      case 'contactHow':
        return { text: w.contact.how };
      case 'contactConsent':
        return { text: w.contact.consent.text.replace('{how}', stage.how), choices: w.contact.consent.choices };
      case 'ownDetails':
        return {
          text: [w.ownDetails.found, stage.found.map((d, i) => `${i + 1}. ${d.text} (${w.categories[d.category]})`).join('\n'), w.ownDetails.ask].join('\n\n'),
        };
      case 'summary':
        return { text: this.summaryText(state), choices: w.summary.choices };
      case 'whichToChange':
        return { text: w.summary.whichToChange, choices: this.changeChoices() };
      case 'notSent':
        return { text: w.submit.notSent, choices: this.notSentChoices() };
    }
  }

  private retryReply(question: QuestionId, reason: 'too-short' | 'too-long' | 'no-choice'): Reply {
    const q = this.words.questions;
    if (question === 'dangerNow') return { text: q.dangerNow.retry, choices: choicesFor(question, this.words) };
    if (reason === 'no-choice') return { text: this.deps.content.didNotUnderstand, choices: choicesFor(question, this.words) };
    if (reason === 'too-short') return { text: q.worry.retryShort };
    return { text: this.words.tooLong.replace('{limit}', String(answerLimit(question))) };
  }

  private summaryText(state: ReportState): string {
    const w = this.words.summary;
    const { draft } = state;
    const lines = QUESTION_IDS.map((q) => {
      const value = draft.answers[q];
      let shown = value ? answerText(q, value, this.words) : w.skipped;
      if (q === 'place' && draft.area) shown = `${shown} (${this.deps.localHelp.areaName(draft.area)})`;
      return `${w.labels[q]}: ${shown}`;
    });
    lines.push(`${w.labels.contact}: ${draft.contact ? w.contact.replace('{how}', draft.contact.how) : w.anonymous}`);
    const notes = [w.goesTo.replace('{agency}', this.agencyFor(draft).name)];
    if (draft.urgentAnswer) notes.unshift(w.urgent);
    return [w.intro, lines.join('\n'), notes.join('\n')].join('\n\n');
  }

  /** Where the report will go, as the summary says and the submit does. */
  private agencyFor(draft: ReportDraft) {
    return this.deps.report.agencies.routeFor(subjectOf(draft), draft.area ?? null);
  }

  private areaChoices(areas: readonly AreaId[]): Choice[] {
    return [
      ...areas.map((id) => ({ value: id, label: this.deps.localHelp.areaName(id), synonyms: [] })),
      this.words.questions.place.elsewhere,
    ];
  }

  /** After a failed send: try again, change something or delete it ("send it" still works too). */
  private notSentChoices(): Choice[] {
    return [...this.words.submit.retryChoices, ...this.words.summary.choices.filter((c) => c.value !== 'send')];
  }

  private changeChoices(): Choice[] {
    const labels = this.words.summary.labels;
    return [...QUESTION_IDS.map((q) => ({ value: q, label: labels[q] })), { value: CHANGE_CONTACT, label: labels.contact }];
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
