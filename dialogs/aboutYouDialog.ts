import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/sendReply';
import { isAudience } from '../src/shell/audience';
import type { ChoiceAnswer, ChoicePromptOptions } from './choicePromptDialog';
import { ChoicePromptDialog } from './choicePromptDialog';
import { DialogIds } from './dialogIds';
import type { ShellDeps } from './shellDeps';

/** Offers, never requires, to say who the user is; the answer changes wording and signposting later. */
export class AboutYouDialog extends ComponentDialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.aboutYou);
    this.addDialog(new ChoicePromptDialog(DialogIds.choicePrompt));
    this.addDialog(
      new WaterfallDialog('aboutYouFlow', [this.askWhoStep.bind(this), this.rememberStep.bind(this)]),
    );
    this.initialDialogId = 'aboutYouFlow';
  }

  private async askWhoStep(step: WaterfallStepContext) {
    const { aboutYou, didNotUnderstand } = this.deps.content;
    const options: ChoicePromptOptions = {
      prompt: { text: aboutYou.prompt, choices: aboutYou.options },
      retryText: didNotUnderstand,
    };
    return step.beginDialog(DialogIds.choicePrompt, options);
  }

  private async rememberStep(step: WaterfallStepContext) {
    const answer = step.result as ChoiceAnswer;
    const profile = await this.deps.profile.get(step.context, {});
    const audience = isAudience(answer.value) ? answer.value : undefined;
    await this.deps.profile.set(step.context, { ...profile, audience });
    const thanks = this.deps.content.aboutYou.thanks;
    await sendReply(step.context, { text: audience ? thanks[audience] : thanks.skip });
    return step.endDialog();
  }
}
