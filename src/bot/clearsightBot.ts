import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { ConversationProfile, ProfileAccessor } from '../../dialogs/conversationProfile';
import { DialogIds } from '../../dialogs/dialogIds';
import { MainDialog, type MainDialogOptions } from '../../dialogs/mainDialog';
import type { ShellDeps } from '../../dialogs/shellDeps';
import { sendReply } from '../channels/sendReply';
import { parseGlobalCommand, type GlobalCommand } from '../shell/globalCommands';
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
    await super.run(context);
    await this.state.saveChanges(context, false);
  }

  /** Forgets everything about this conversation (used after a failed turn). */
  async clearConversation(context: TurnContext): Promise<void> {
    await this.state.delete(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const text = context.activity.text ?? '';
    const profile = await this.profile.get(context, {});
    const firstMessage = !profile.welcomed;
    // Channels such as SMS send no conversationUpdate: the first message is where we introduce ourselves.
    if (firstMessage) await this.welcome(context);
    // Seam for the safety check (a later piece of work): it must run here, before anything else.

    const command = parseGlobalCommand(text);
    if (command) return this.runCommand(command, dc);

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      const options: MainDialogOptions = isGreeting(text) ? {} : { initialText: text };
      await dc.beginDialog(DialogIds.main, options);
    }
  }

  private async runCommand(command: GlobalCommand, dc: DialogContext): Promise<void> {
    const { content } = this.options.deps;
    switch (command) {
      case 'menu':
        await dc.cancelAllDialogs();
        await dc.beginDialog(DialogIds.main);
        return;
      case 'startOver':
        await dc.cancelAllDialogs();
        await this.profile.set(dc.context, { welcomed: true });
        await sendReply(dc.context, { text: content.startedOver });
        await dc.beginDialog(DialogIds.main);
        return;
      case 'cancel':
        if (innermostDialogId(dc) === DialogIds.menuPrompt || !dc.activeDialog) {
          await sendReply(dc.context, { text: content.nothingToCancel });
          await this.resume(dc);
          return;
        }
        await dc.cancelAllDialogs();
        await sendReply(dc.context, { text: content.cancelled });
        await dc.beginDialog(DialogIds.main, { again: true } satisfies MainDialogOptions);
        return;
      case 'help':
        await sendReply(dc.context, { text: content.help });
        await this.resume(dc);
        return;
    }
  }

  /** Asks again whatever was being asked, or shows the menu when nothing was. */
  private async resume(dc: DialogContext): Promise<void> {
    if (dc.activeDialog) await dc.repromptDialog();
    else await dc.beginDialog(DialogIds.main);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const profile = await this.profile.get(context, {});
    await this.profile.set(context, { ...profile, welcomed: true });
    await sendReply(context, { text: welcomeText(this.options.deps.content, this.options.ttlHours) });
  }
}

function innermostDialogId(dc: DialogContext): string | undefined {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current.activeDialog?.id;
}
