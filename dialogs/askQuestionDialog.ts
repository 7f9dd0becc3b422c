import { topicOf } from '../src/knowledge/answerTopics';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { channelProfile } from '../src/channels/channelProfile';
import { matchChoice, matchWholeLabel } from '../src/channels/matchChoice';
import { sendReply } from '../src/channels/sendReply';
import type { Choice } from '../src/channels/reply';
import { answerReply, didYouMeanReply, followUps, MORE, noMatchReply, NONE, SOURCE, TOPIC, textAnswerPageCount, textAnswerReply, textReminderReply, textSourceReply } from '../src/knowledge/answerReply';
import type { Asker } from '../src/knowledge/answerTopics';
import type { KnowledgeEntry } from '../src/knowledge/knowledgeEntry';
import { LOCAL_FRONT_DOOR } from '../src/knowledge/loadKnowledge';
import { words as wordsOf } from './wordsOf';
import { DialogIds } from './dialogIds';
import type { ShellDeps } from './shellDeps';

export interface AskQuestionOptions {
  /** The question, when the user has already typed it. */
  question?: string;
  /** Show this answer straight away (from a list of topics). */
  entryId?: string;
}

/** Ends a knowledge dialog when the user picked a main menu option instead; the menu acts on it. */
export interface LeftForMenu {
  menuText: string;
}

/** Only ids and a stage are kept in conversation state; the words stay in content. */
interface AskState {
  stage: 'ask' | 'choose' | 'after';
  /** The answer last shown (stage 'after'). */
  current?: string;
  /** Whether its longer text was shown. */
  long?: boolean;
  /** On a text channel, the page of the answer shown (0: the answer turn; MORE gives the next). */
  page?: number;
  /** The answers offered by "did you mean" (stage 'choose'). */
  options?: string[];
}

/**
 * Answers questions from the knowledge base. Sure → the answer with who to contact, a source and
 * related topics; unsure → "did you mean" with up to three choices; no match → says so and points to
 * a helpline. Anything typed that is not one of the offered choices is taken as a new question.
 */
export class AskQuestionDialog extends Dialog<AskQuestionOptions> {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.askQuestion);
  }

  override async beginDialog(dc: DialogContext, options?: AskQuestionOptions): Promise<DialogTurnResult> {
    if (options?.entryId) return this.show(dc, this.deps.knowledge.get(options.entryId), false, true);
    if (options?.question?.trim()) return this.handle(dc, options.question);
    this.setState(dc, { stage: 'ask' });
    await sendReply(dc.context, { text: this.deps.questions.ask });
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const text = (dc.context.activity.text ?? '').trim();
    const state = this.state(dc);
    const choice = matchChoice(text, await this.offered(dc.context, state));
    if (choice?.value === NONE) return this.noMatch(dc);
    if (choice?.value.startsWith(SOURCE)) return this.showSources(dc, state);
    if (choice?.value.startsWith(MORE) && isText(dc.context)) return this.showPage(dc, this.deps.knowledge.get(choice.value.slice(MORE.length)), await this.nextPage(dc.context, state));
    if (choice?.value.startsWith(MORE)) return this.show(dc, this.deps.knowledge.get(choice.value.slice(MORE.length)), true);
    if (choice?.value.startsWith(TOPIC)) return this.show(dc, this.deps.knowledge.versionOf(choice.value.slice(TOPIC.length), await this.asker(dc)), false, true);
    // A main menu option typed in full ("Report a concern") leaves questions for that option.
    if (matchWholeLabel(text, this.deps.content.menu.options)) return dc.endDialog({ menuText: text } satisfies LeftForMenu);
    if (!text) {
      await this.repromptDialog(dc.context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    return this.handle(dc, text);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as AskState;
    if (state.stage === 'ask') await sendReply(context, { text: this.deps.questions.ask });
    else if (state.stage === 'choose') await sendReply(context, didYouMeanReply(this.entries(state.options), wordsOf(this.deps)));
    else if (isText(context) && state.current) await sendReply(context, await this.textReminder(context, this.deps.knowledge.get(state.current), state.page ?? 0));
    else await sendReply(context, { text: this.deps.questions.afterAnswer, choices: await this.offered(context, state) });
  }

  /** Who is asking, as far as we know: the audience they chose, and the channel they read on. */
  private async asker(dc: DialogContext): Promise<Asker> {
    const profile = await this.deps.profile.get(dc.context, {});
    const { kind, messaging } = channelProfile(dc.context.activity.channelId);
    return { ...(profile.audience ? { audience: profile.audience } : {}), channel: messaging ?? kind };
  }

  private async handle(dc: DialogContext, question: string): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(dc.context, {});
    const area = this.deps.localHelp.areaIn(question);
    if (area && area !== profile.area) await this.deps.profile.set(dc.context, { ...profile, area });
    const finding = this.deps.knowledge.find(question, await this.asker(dc));
    if (finding.kind === 'answer') return this.show(dc, finding.entry, false, true);
    if (area && wordCount(question) <= 3) {
      // Just a place name ("Doncaster"): the user is telling us where they are.
      this.setState(dc, { stage: 'ask' });
      // On a text channel no topics are listed below, so the question is simply asked.
      const next = isText(dc.context) ? this.deps.questions.ask : this.deps.questions.afterAnswer;
      await sendReply(dc.context, { text: `${this.deps.localHelp.forArea(area)}\n\n${next}` });
      return Dialog.EndOfTurn;
    }
    if (finding.kind === 'didYouMean') {
      const options = finding.options.map((e) => e.id);
      this.setState(dc, { stage: 'choose', options });
      await sendReply(dc.context, didYouMeanReply(finding.options, wordsOf(this.deps)));
      this.deps.events.answer('did-you-mean', null, (await this.deps.profile.get(dc.context, {})).area ?? null);
      return Dialog.EndOfTurn;
    }
    return this.noMatch(dc);
  }

  /** Shows an answer; `counted`: a new answer given (not "more" on one already given), told to the events. */
  private async show(dc: DialogContext, entry: KnowledgeEntry, long: boolean, counted = false): Promise<DialogTurnResult> {
    if (counted) this.deps.events.answer('answered', topicOf(entry), (await this.deps.profile.get(dc.context, {})).area ?? null);
    if (isText(dc.context)) return this.showPage(dc, entry, 0);
    this.setState(dc, { stage: 'after', current: entry.id, long });
    const local = entry.signpost.includes(LOCAL_FRONT_DOOR) ? await this.localHelpFor(dc.context, entry) : undefined;
    await sendReply(dc.context, answerReply(entry, wordsOf(this.deps), local, long));
    return Dialog.EndOfTurn;
  }

  /** On SMS and WhatsApp an answer comes a page (at most three texts) at a time: MORE gives the next. */
  private async showPage(dc: DialogContext, entry: KnowledgeEntry, page: number): Promise<DialogTurnResult> {
    this.setState(dc, { stage: 'after', current: entry.id, page });
    await sendReply(dc.context, await this.textPage(dc.context, entry, page));
    return Dialog.EndOfTurn;
  }

  /** The page MORE shows: the next one, or one past the last (which says there is no more) and no further. */
  private async nextPage(context: TurnContext, state: AskState): Promise<number> {
    const entry = this.deps.knowledge.get(state.current!);
    const pages = textAnswerPageCount(entry, wordsOf(this.deps), await this.localHelpFor(context, entry));
    return Math.min((state.page ?? 0) + 1, pages);
  }

  /** SOURCE: the links behind the answer last shown; the page stays where it was. */
  private async showSources(dc: DialogContext, state: AskState): Promise<DialogTurnResult> {
    const entry = this.deps.knowledge.get(state.current!);
    const local = await this.localHelpFor(dc.context, entry);
    await sendReply(dc.context, textSourceReply(entry, wordsOf(this.deps), local, state.page ?? 0));
    return Dialog.EndOfTurn;
  }

  private async textPage(context: TurnContext, entry: KnowledgeEntry, page: number) {
    return textAnswerReply(entry, wordsOf(this.deps), await this.localHelpFor(context, entry), page);
  }

  private async textReminder(context: TurnContext, entry: KnowledgeEntry, page: number) {
    return textReminderReply(entry, wordsOf(this.deps), await this.localHelpFor(context, entry), page, this.deps.questions.ask);
  }

  private async localHelpFor(context: TurnContext, entry: KnowledgeEntry): Promise<string> {
    const { area } = await this.deps.profile.get(context, {});
    if (area) return this.deps.localHelp.forArea(area);
    return entry.local_help === 'all-areas' ? this.deps.localHelp.forAllAreas() : this.deps.questions.localHelp.askArea;
  }

  private async noMatch(dc: DialogContext): Promise<DialogTurnResult> {
    const { audience, area } = await this.deps.profile.get(dc.context, {});
    await sendReply(dc.context, noMatchReply(wordsOf(this.deps), audience));
    this.deps.events.answer('no-answer', null, area ?? null);
    return dc.endDialog();
  }

  private async offered(context: TurnContext, state: AskState): Promise<readonly Choice[]> {
    if (state.stage === 'choose') return didYouMeanReply(this.entries(state.options), wordsOf(this.deps)).choices ?? [];
    if (state.stage !== 'after' || !state.current) return [];
    const entry = this.deps.knowledge.get(state.current);
    if (isText(context)) return (await this.textPage(context, entry, state.page ?? 0)).choices ?? [];
    return followUps(entry, wordsOf(this.deps), state.long ?? false);
  }

  private entries(ids: readonly string[] = []): KnowledgeEntry[] {
    return ids.filter((id) => this.deps.knowledge.has(id)).map((id) => this.deps.knowledge.get(id));
  }

  private state(dc: DialogContext): AskState {
    return dc.activeDialog!.state as AskState;
  }

  private setState(dc: DialogContext, state: AskState): void {
    dc.activeDialog!.state = state;
  }
}

/** Whether the person reads on a phone's messages (SMS, WhatsApp), where answers come a page at a time. */
function isText(context: TurnContext): boolean {
  return channelProfile(context.activity.channelId).kind === 'text';
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}
