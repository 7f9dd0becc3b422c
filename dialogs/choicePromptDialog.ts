import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { matchChoice } from '../src/channels/matchChoice';
import type { Reply } from '../src/channels/reply';
import { sendReply } from '../src/channels/sendReply';

export interface ChoicePromptOptions {
  prompt: Reply;
  /** Said, with the choices again, when an answer picks no option. Never a dead end: it can repeat forever. */
  retryText: string;
  /** When true, an answer that picks no option is returned as free text instead of re-asking. */
  allowFreeText?: boolean;
}

/** The answer: the option picked (by button, number or words), or just the text when free text is allowed. */
export interface ChoiceAnswer {
  value?: string;
  text: string;
}

/** What a waterfall passes to begin the prompt: which of the dialog's prompts to ask. */
export interface ChoicePromptRef {
  prompt: string;
}

interface PromptState {
  /** Only the key is kept in conversation state; the words stay in content. */
  prompt: string;
}

/**
 * Asks the user to pick an option. It renders through the channel layer (buttons or numbered lines)
 * and understands numbers and words, so dialogs never need to know which channel they are on.
 */
export class ChoicePromptDialog extends Dialog<ChoicePromptRef> {
  constructor(
    id: string,
    private readonly prompts: Readonly<Record<string, ChoicePromptOptions>>,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, ref?: ChoicePromptRef): Promise<DialogTurnResult> {
    const options = this.optionsFor(ref?.prompt);
    (dc.activeDialog!.state as PromptState).prompt = ref!.prompt;
    await sendReply(dc.context, options.prompt);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = this.optionsFor((dc.activeDialog!.state as PromptState).prompt);
    const text = (activity.text ?? '').trim();
    const choice = matchChoice(text, options.prompt.choices ?? [], { freeText: options.allowFreeText === true });
    if (choice) return dc.endDialog({ value: choice.value, text } satisfies ChoiceAnswer);
    if (options.allowFreeText && text !== '') return dc.endDialog({ text } satisfies ChoiceAnswer);
    await sendReply(dc.context, { text: options.retryText, choices: options.prompt.choices ?? [] });
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await sendReply(context, this.optionsFor((instance.state as PromptState).prompt).prompt);
  }

  private optionsFor(key: string | undefined): ChoicePromptOptions {
    const options = key === undefined ? undefined : this.prompts[key];
    if (!options) throw new Error(`ChoicePromptDialog ${this.id}: unknown prompt ${String(key)}`);
    return options;
  }
}
