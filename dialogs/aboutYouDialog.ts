import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/sendReply';
import { isAudience } from '../src/shell/audience';
import type { ChoiceAnswer, ChoicePromptRef } from './choicePromptDialog';
import { ChoicePromptDialog } from './choicePromptDialog';
import { DialogIds } from './dialogIds';
import type { ShellDeps } from './shellDeps';

/** Offers, never requires, to say who the user is; the answer changes wording and signposting later. */
export class AboutYouDialog extends ComponentDialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.aboutYou);
    const { aboutYou, didNotUnderstand } = deps.content;
    this.addDialog(
      new ChoicePromptDialog(DialogIds.choicePrompt, {
        aboutYou: { prompt: { text: aboutYou.prompt, choices: aboutYou.options }, retryText: didNotUnderstand },
      }),
    );
    this.addDialog(
      new WaterfallDialog('aboutYouFlow', [this.askWhoStep.bind(this), this.rememberStep.bind(this)]),
    );
    this.initialDialogId = 'aboutYouFlow';
  }

  private async askWhoStep(step: WaterfallStepContext) {
    return step.beginDialog(DialogIds.choicePrompt, { prompt: 'aboutYou' } satisfies ChoicePromptRef);
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
