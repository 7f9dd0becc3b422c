import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { matchChoice, matchWholeLabel } from '../src/channels/matchChoice';
import type { Choice, Reply } from '../src/channels/reply';
import { sendReply } from '../src/channels/sendReply';
import type { AskQuestionOptions, LeftForMenu } from './askQuestionDialog';
import { DialogIds } from './dialogIds';
import type { ShellDeps } from './shellDeps';

/**
 * Spot the signs: starts with the honest caveat that no single sign proves anything, then lets the
 * user pick a group of signs. The chosen answer (and anything typed) is handled by the question dialog.
 */
export class SpotSignsDialog extends Dialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.spotSigns);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(dc.context, this.prompt());
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const text = (dc.context.activity.text ?? '').trim();
    const topic = matchChoice(text, this.topics());
    if (topic) return dc.replaceDialog(DialogIds.askQuestion, { entryId: topic.value } satisfies AskQuestionOptions);
    if (matchWholeLabel(text, this.deps.content.menu.options)) return dc.endDialog({ menuText: text } satisfies LeftForMenu);
    if (!text) {
      await sendReply(dc.context, this.prompt());
      return Dialog.EndOfTurn;
    }
    return dc.replaceDialog(DialogIds.askQuestion, { question: text } satisfies AskQuestionOptions);
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await sendReply(context, this.prompt());
  }

  private prompt(): Reply {
    return { text: this.deps.questions.signs.intro, choices: this.topics() };
  }

  private topics(): Choice[] {
    return this.deps.questions.signs.topics.map((id) => ({ value: id, label: this.deps.knowledge.get(id).title }));
  }
}
