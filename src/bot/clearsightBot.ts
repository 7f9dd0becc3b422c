import { ActivityHandler, ActivityTypes, type ConversationState, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { ConversationProfile, PendingCheckIn, ProfileAccessor } from '../../dialogs/conversationProfile';
import { DialogIds } from '../../dialogs/dialogIds';
import { MainDialog, type MainDialogOptions } from '../../dialogs/mainDialog';
import { withdrawUnsentReport } from '../../dialogs/reportConcernDialog';
import { SAFETY_ANSWERED } from '../../dialogs/turnFlags';
import type { ShellDeps } from '../../dialogs/shellDeps';
import { channelProfile } from '../channels/channelProfile';
import { sendReply } from '../channels/sendReply';
import { fillTemplate } from '../content/template';
import { findReference } from '../concerns/referenceCode';
import { matchChoice } from '../channels/matchChoice';
import { expectedThisTurn, isExpectedAnswer } from '../channels/expectedAnswer';
import { isOfferedAnswer, offeredThisTurn } from '../channels/offeredChoices';
import type { MessageLanguage } from '../safety/messageLanguage';
import type { ReplyVariant, SafetySignal } from '../safety/safetyDetector';
import { checkInChoices, checkInReply, languageBlock, safetyReplyText, type SafetyReplyKind } from '../safety/safetyReply';
import { normaliseAnswer } from '../text/normaliseAnswer';
import { isBotWord, parseGlobalCommand, type GlobalCommand } from '../shell/globalCommands';
import { isGreeting } from '../shell/greeting';
import { welcomeText } from '../shell/shellContent';

export interface BotOptions {
  conversationState: ConversationState;
  deps: Omit<ShellDeps, 'profile'>;
  ttlHours: number;
}

/**
 * The conversation shell: the welcome, the global commands that work everywhere, and the hand-over
 * to the dialogs. Conversation state is saved at the end of every turn.
 */
export class ClearsightBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly profile: ProfileAccessor;
  private readonly state: ConversationState;

  constructor(private readonly options: BotOptions) {
    super();
    this.state = options.conversationState;
    this.profile = this.state.createProperty<ConversationProfile>('profile');
    const deps: ShellDeps = { ...options.deps, profile: this.profile };
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new MainDialog(deps));
    for (const dialog of MainDialog.routedDialogs(deps)) this.dialogs.add(dialog);

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const dc = await this.dialogs.createContext(context);
        await this.welcome(context);
        if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // The chat was closed (or left idle until it ended): forget the conversation, draft report and all.
    if (context.activity.type === ActivityTypes.EndOfConversation) return this.clearConversation(context);
    await super.run(context);
    await this.rememberOffered(context);
    // Always written: almost every turn changes the dialog state anyway, forcing skips one of the SDK's
    // three state hashes per turn, and each write restarts the conversation's expiry (TTL) from now.
    await this.state.saveChanges(context, true);
  }

  /**
   * Keeps the options this turn's last reply offered (or none), and the shape of answer its question expects
   * (or none), for telling a picked option or an age from own words.
   */
  private async rememberOffered(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message && context.activity.type !== ActivityTypes.ConversationUpdate) return;
    const profile = await this.profile.get(context, {});
    const offered = offeredThisTurn(context);
    const expects = expectedThisTurn(context);
    if (!offered && !profile.offered && !expects && !profile.expects) return;
    const next = { ...profile };
    delete next.offered;
    delete next.expects;
    await this.profile.set(context, { ...next, ...(offered ? { offered } : {}), ...(expects ? { expects } : {}) });
  }

  /** Forgets everything about this conversation (used after a failed turn). */
  async clearConversation(context: TurnContext): Promise<void> {
    await this.state.delete(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const text = context.activity.text ?? '';
    const profile = await this.profile.get(context, {});
    // The safety check comes before anything else, on every message, in every state of every dialog.
    // An option picked from those just offered, an answer of the shape just asked for (an age), or one of the
    // words the bot tells people to type (MORE, menu, help) is judged by the rules alone (see offeredChoices,
    // expectedAnswer and isBotWord).
    const picked = isOfferedAnswer(text, profile.offered) || isExpectedAnswer(text, profile.expects) || isBotWord(text);
    const signal = this.options.deps.safety.detector.check(text, picked);
    const language = this.options.deps.safety.languageOf(text);
    if (profile.checkIn) return this.onCheckInAnswer(dc, profile.checkIn, text, signal, language);
    return this.route(dc, text, signal, language);
  }

  /** After the safety check: its reply if it found something, then the shell and the dialogs. */
  private async route(dc: DialogContext, text: string, signal: SafetySignal, language: MessageLanguage | undefined): Promise<void> {
    const { context } = dc;
    if ((signal.kind === 'danger' || signal.kind === 'self-harm') && signal.certainty === 'unsure') {
      return this.askCheckIn(dc, { kind: signal.kind, variant: signal.variant, disclosure: signal.disclosure, language, text });
    }
    if (signal.kind === 'danger' || signal.kind === 'self-harm') return this.interruptForSafety(dc, signal.kind, signal.variant, language);
    if (signal.kind === 'disclosure') {
      if (isTakingNews(dc)) return this.interruptForSafety(dc, 'disclosure', undefined, language);
      // Not an emergency: the reply comes first, then the message goes on as if nothing had interrupted it,
      // so a young person who asked something in the same breath gets the answer too.
      await this.replyForSafety(context, 'disclosure', undefined, language);
    }
    const profile = await this.profile.get(context, {});
    // Another language: 999, an interpreter and a helpline in it, before anything in English (once per language).
    const block = languageBlock(this.options.deps.safety, language);
    if (block && profile.languageShown !== language) {
      await sendReply(context, { text: block });
      await this.profile.set(context, { ...profile, languageShown: language });
    }
    // Channels such as SMS send no conversationUpdate: the first message is where we introduce ourselves
    // (after a disclosure's reply, in one line: the safety reply stays what they read first and most).
    if (!profile.welcomed) await this.welcome(context, signal.kind === 'disclosure');
    if (signal.kind === 'past') await sendReply(context, { text: this.options.deps.safety.rules.replies.past.text });

    const command = parseGlobalCommand(text);
    if (command) return this.runCommand(command, dc);
    // A returning reporter's reference works from anywhere outside a report: the menu takes it.
    if (!isReporting(dc) && dc.activeDialog?.id !== DialogIds.reportFollowUp && findReference(text, { requireDigit: true })) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, { initialText: text } satisfies MainDialogOptions);
      return;
    }

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      const options: MainDialogOptions = isGreeting(text) ? {} : { initialText: text };
      await dc.beginDialog(DialogIds.main, options);
    }
  }

  /**
   * The unsure band: ask once, gently, whether someone is in danger, and hold the message until the
   * answer. Yes gives the emergency reply; No carries on with the message where the person was.
   */
  private async askCheckIn(dc: DialogContext, held: Omit<PendingCheckIn, 'asked'>): Promise<void> {
    const profile = await this.profile.get(dc.context, {});
    await this.profile.set(dc.context, { ...profile, checkIn: { ...held, asked: 1 } });
    await sendReply(dc.context, checkInReply(this.options.deps.safety, held.language));
    this.options.deps.events.safetyReply('check-in', profile.area ?? null);
  }

  private async onCheckInAnswer(dc: DialogContext, pending: PendingCheckIn, text: string, signal: SafetySignal, language: MessageLanguage | undefined): Promise<void> {
    const { context } = dc;
    const profile = await this.profile.get(context, {});
    const rest: ConversationProfile = { ...profile };
    delete rest.checkIn;
    // Danger typed instead of Yes or No: that settles the question. The reply comes at once; then both
    // messages go on where the person was, the held one first (in a report, each may be an answer).
    if (signal.kind === 'danger' || signal.kind === 'self-harm') {
      await this.profile.set(context, rest);
      context.activity.text = pending.text;
      await this.interruptForSafety(dc, signal.kind, signal.variant, language ?? pending.language);
      context.activity.text = text;
      if (isTakingNews(dc)) {
        dc.context.turnState.set(SAFETY_ANSWERED, signal.kind);
        await dc.continueDialog();
      }
      return;
    }
    const { checkIn } = this.options.deps.safety.rules.replies;
    const unsure = checkIn.unsure.includes(normaliseAnswer(text).replace(/'/g, ''));
    const answer = unsure ? 'yes' : matchChoice(text, checkInChoices(this.options.deps.safety, pending.language))?.value;
    if (answer === undefined && pending.asked < 2) {
      await this.profile.set(context, { ...profile, checkIn: { ...pending, asked: 2 } });
      await sendReply(context, checkInReply(this.options.deps.safety, pending.language, true));
      return;
    }
    await this.profile.set(context, rest);
    // Carry on with the message that was held, as if it had just been sent ("I don't know" counts as yes).
    context.activity.text = pending.text;
    if (answer === 'yes') return this.interruptForSafety(dc, pending.kind, pending.variant, pending.language);
    const held: SafetySignal = pending.disclosure ? { kind: 'disclosure', source: { layer: 'model' } } : { kind: 'none' };
    return this.route(dc, pending.text, held, pending.language);
  }

  /**
   * The safety reply, and what it means later: a report sent afterwards is marked urgent (or as a
   * disclosure), and the language block it carried counts as shown. Returns the profile as it was before.
   */
  private async replyForSafety(context: TurnContext, kind: SafetyReplyKind, variant: ReplyVariant | undefined, language: MessageLanguage | undefined): Promise<ConversationProfile> {
    await sendReply(context, { text: safetyReplyText(this.options.deps.safety, kind, variant, language) });
    const profile = await this.profile.get(context, {});
    this.options.deps.events.safetyReply(kind, profile.area ?? null);
    const flags = kind === 'disclosure' ? { disclosed: true } : { urgent: true };
    await this.profile.set(context, { ...profile, ...flags, ...(language ? { languageShown: language } : {}) });
    return profile;
  }

  /**
   * Says the safety message first, remembers that it was needed (a report sent later is marked
   * urgent), then offers to carry on: whatever was being asked is asked again, with nothing lost.
   */
  private async interruptForSafety(dc: DialogContext, kind: SafetyReplyKind, variant: ReplyVariant | undefined, language: MessageLanguage | undefined): Promise<void> {
    const { safety } = this.options.deps;
    const profile = await this.replyForSafety(dc.context, kind, variant, language);
    // Not the whole welcome after a safety reply: one line saying who is talking, so the 999 advice stays on top.
    if (!profile.welcomed) await this.welcome(dc.context, true);
    const active = dc.activeDialog?.id;
    if (isTakingNews(dc)) {
      // Mid-report, or adding to a report: nothing is lost. What they typed may be their answer (their
      // worry, in their words, or news for duty staff); the dialog sees that the safety check answered first.
      if (active === DialogIds.reportConcern) await sendReply(dc.context, { text: this.options.deps.report.content.resume });
      dc.context.turnState.set(SAFETY_ANSWERED, kind);
      await dc.continueDialog();
    } else if (dc.activeDialog) {
      await sendReply(dc.context, { text: safety.rules.replies.resume });
      await dc.repromptDialog();
    } else {
      await dc.beginDialog(DialogIds.main);
    }
  }

  private async runCommand(command: GlobalCommand, dc: DialogContext): Promise<void> {
    const { content } = this.options.deps;
    switch (command) {
      case 'menu':
        await this.discardReport(dc);
        await dc.cancelAllDialogs();
        await dc.beginDialog(DialogIds.main);
        return;
      case 'startOver': {
        const profile = await this.profile.get(dc.context, {});
        await this.discardReport(dc);
        await dc.cancelAllDialogs();
        // Everything is cleared except what keeps a later report safe: that danger was mentioned.
        await this.profile.set(dc.context, { welcomed: true, urgent: profile.urgent, disclosed: profile.disclosed });
        await sendReply(dc.context, { text: content.startedOver });
        await dc.beginDialog(DialogIds.main);
        return;
      }
      case 'cancel': {
        if (innermostDialogId(dc) === DialogIds.menuPrompt || !dc.activeDialog) {
          await sendReply(dc.context, { text: content.nothingToCancel });
          await this.resume(dc);
          return;
        }
        const hadReport = isReporting(dc);
        const { submit } = this.options.deps.report.content;
        const fate = hadReport ? await withdrawUnsentReport(dc, this.options.deps.report.submitter) : { deleted: true as const };
        await dc.cancelAllDialogs();
        const said = fate.deleted ? submit.discarded : fillTemplate(submit.alreadySent, { ref: fate.ref });
        await sendReply(dc.context, { text: hadReport ? said : content.cancelled });
        await dc.beginDialog(DialogIds.main, { again: true } satisfies MainDialogOptions);
        return;
      }
      case 'help':
        await sendReply(dc.context, { text: content.help });
        await this.resume(dc);
        return;
    }
  }

  /** Says that an unsent report is being thrown away (menu, start over): never silently. */
  private async discardReport(dc: DialogContext): Promise<void> {
    if (!isReporting(dc)) return;
    const { submit } = this.options.deps.report.content;
    const fate = await withdrawUnsentReport(dc, this.options.deps.report.submitter);
    await sendReply(dc.context, { text: fate.deleted ? submit.discardedByCommand : fillTemplate(submit.alreadySent, { ref: fate.ref }) });
  }

  /** Asks again whatever was being asked, or shows the menu when nothing was. */
  private async resume(dc: DialogContext): Promise<void> {
    if (dc.activeDialog) await dc.repromptDialog();
    else await dc.beginDialog(DialogIds.main);
  }

  /** The welcome (two lines on SMS and WhatsApp), or after a safety reply only who is talking. */
  private async welcome(context: TurnContext, afterSafety = false): Promise<void> {
    const profile = await this.profile.get(context, {});
    await this.profile.set(context, { ...profile, welcomed: true });
    const { content } = this.options.deps;
    const kind = channelProfile(context.activity.channelId).kind;
    await sendReply(context, { text: afterSafety ? content.welcomeAfterSafety : welcomeText(content, this.options.ttlHours, kind) });
  }
}

function innermostDialogId(dc: DialogContext): string | undefined {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current.activeDialog?.id;
}

/** Whether the person is writing a report or adding to one: their messages are its content. */
function isTakingNews(dc: DialogContext): boolean {
  return dc.activeDialog?.id === DialogIds.reportConcern || dc.activeDialog?.id === DialogIds.reportFollowUp;
}

/** Whether a report is being written (its draft would be lost by leaving). */
function isReporting(dc: DialogContext): boolean {
  return dc.stack.some((instance) => instance.id === DialogIds.reportConcern);
}
