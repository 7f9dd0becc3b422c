import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { matchChoice, matchWholeLabel } from '../src/channels/matchChoice';
import { findReference } from '../src/concerns/referenceCode';
import type { MenuValue } from '../src/shell/shellContent';
import { AboutYouDialog } from './aboutYouDialog';
import { AskQuestionDialog, type LeftForMenu } from './askQuestionDialog';
import { ChoicePromptDialog, type ChoiceAnswer, type ChoicePromptRef } from './choicePromptDialog';
import { DialogIds } from './dialogIds';
import { HelpNowDialog } from './helpNowDialog';
import { ReportConcernDialog, type ReportEnded } from './reportConcernDialog';
import { ReportFollowUpDialog, type FollowUpOptions } from './reportFollowUpDialog';
import { SpotSignsDialog } from './spotSignsDialog';
import type { ShellDeps } from './shellDeps';

export interface MainDialogOptions {
  /** A message to act on straight away (the user typed before seeing the menu). */
  initialText?: string;
  /** The menu has been shown before in this conversation: ask more briefly. */
  again?: boolean;
}

const ROUTES: Readonly<Record<MenuValue, string>> = {
  signs: DialogIds.spotSigns,
  question: DialogIds.askQuestion,
  report: DialogIds.reportConcern,
  'help-now': DialogIds.helpNow,
  'about-you': DialogIds.aboutYou,
};

/**
 * The main menu: routes to each capability, takes free text as a question, and comes back afterwards.
 * It is a plain waterfall at the root of the bot's dialog set, with the dialogs it routes to beside it
 * (see `routedDialogs`): no component dialog in between, so each turn builds one dialog context less.
 */
export class MainDialog extends WaterfallDialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.main);
    this.addStep(this.showMenuStep.bind(this));
    this.addStep(this.routeStep.bind(this));
    this.addStep(this.loopStep.bind(this));
  }

  /** The dialogs the menu routes to, to be added to the same dialog set as the menu. */
  static routedDialogs(deps: ShellDeps): Dialog[] {
    const { menu, didNotUnderstand } = deps.content;
    const menuPrompt = (text: string) => ({ prompt: { text, choices: menu.options }, retryText: didNotUnderstand, allowFreeText: true });
    return [
      new ChoicePromptDialog(DialogIds.menuPrompt, { first: menuPrompt(menu.prompt), again: menuPrompt(menu.again) }),
      new SpotSignsDialog(deps),
      new AskQuestionDialog(deps),
      new ReportConcernDialog(deps),
      new ReportFollowUpDialog(deps),
      new HelpNowDialog(deps),
      new AboutYouDialog(deps),
    ];
  }

  private async showMenuStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as MainDialogOptions;
    if (options.initialText) {
      const choice = matchChoice(options.initialText, this.deps.content.menu.options, { freeText: true });
      return step.next({ value: choice?.value, text: options.initialText } satisfies ChoiceAnswer);
    }
    return step.beginDialog(DialogIds.menuPrompt, { prompt: options.again ? 'again' : 'first' } satisfies ChoicePromptRef);
  }

  private async routeStep(step: WaterfallStepContext) {
    const answer = step.result as ChoiceAnswer;
    // A reporter coming back: "I have a reference", or the reference itself.
    const ref = answer.value ? undefined : findReference(answer.text, { requireDigit: true });
    const referenceChoice = this.deps.report.content.intro.choices.find((c) => c.value === 'reference');
    if (ref || (referenceChoice && matchWholeLabel(answer.text, [referenceChoice]))) {
      return step.beginDialog(DialogIds.reportFollowUp, { ref } satisfies FollowUpOptions);
    }
    const target = answer.value ? ROUTES[answer.value as MenuValue] : undefined;
    // Anything typed that is not a menu option is treated as a question; "Ask a question" itself (or its
    // number) is not one, so it gets the question prompt.
    if (answer.value === 'question') return step.beginDialog(DialogIds.askQuestion, {});
    return step.beginDialog(target ?? DialogIds.askQuestion, { question: answer.text });
  }

  private async loopStep(step: WaterfallStepContext) {
    // A dialog left because the user picked a menu option: act on it straight away.
    const ended = step.result as (Partial<LeftForMenu> & ReportEnded) | undefined;
    // The report's intro: "I have a reference".
    if (ended?.followUp) return step.beginDialog(DialogIds.reportFollowUp, {} satisfies FollowUpOptions);
    const menuText = ended?.menuText;
    if (menuText) return step.replaceDialog(DialogIds.main, { initialText: menuText } satisfies MainDialogOptions);
    // The menu sits at the root of the stack, so replacing it starts a fresh round in the same place:
    // the stack (and the stored state) stays the same size however long the chat goes on.
    return step.replaceDialog(DialogIds.main, { again: true } satisfies MainDialogOptions);
  }
}
