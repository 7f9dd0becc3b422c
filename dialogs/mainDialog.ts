import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { matchChoice } from '../src/channels/matchChoice';
import type { MenuValue } from '../src/shell/shellContent';
import { AboutYouDialog } from './aboutYouDialog';
import { ChoicePromptDialog, type ChoiceAnswer, type ChoicePromptRef } from './choicePromptDialog';
import { ComingSoonDialog } from './comingSoonDialog';
import { DialogIds } from './dialogIds';
import { HelpNowDialog } from './helpNowDialog';
import type { ShellDeps } from './shellDeps';

export interface MainDialogOptions {
  /** A message to act on straight away (the user typed before seeing the menu). */
  initialText?: string;
  /** The menu has been shown before in this conversation: ask more briefly. */
  again?: boolean;
}

const MAIN_FLOW = 'mainFlow';

const ROUTES: Readonly<Record<MenuValue, string>> = {
  signs: DialogIds.spotSigns,
  question: DialogIds.askQuestion,
  report: DialogIds.reportConcern,
  'help-now': DialogIds.helpNow,
  'about-you': DialogIds.aboutYou,
};

/** The main menu: routes to each capability, takes free text as a question, and comes back afterwards. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.main);
    const { comingSoon } = deps.content;
    const { menu, didNotUnderstand } = deps.content;
    const menuPrompt = (text: string) => ({ prompt: { text, choices: menu.options }, retryText: didNotUnderstand, allowFreeText: true });
    this.addDialog(
      new ChoicePromptDialog(DialogIds.menuPrompt, { first: menuPrompt(menu.prompt), again: menuPrompt(menu.again) }),
    );
    this.addDialog(new ComingSoonDialog(DialogIds.spotSigns, comingSoon.signs ?? ''));
    this.addDialog(new ComingSoonDialog(DialogIds.askQuestion, comingSoon.question ?? ''));
    this.addDialog(new ComingSoonDialog(DialogIds.reportConcern, comingSoon.report ?? ''));
    this.addDialog(new HelpNowDialog(deps));
    this.addDialog(new AboutYouDialog(deps));
    this.addDialog(
      new WaterfallDialog(MAIN_FLOW, [this.showMenuStep.bind(this), this.routeStep.bind(this), this.loopStep.bind(this)]),
    );
    this.initialDialogId = MAIN_FLOW;
  }

  private async showMenuStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as MainDialogOptions;
    if (options.initialText) {
      const choice = matchChoice(options.initialText, this.deps.content.menu.options);
      return step.next({ value: choice?.value, text: options.initialText } satisfies ChoiceAnswer);
    }
    return step.beginDialog(DialogIds.menuPrompt, { prompt: options.again ? 'again' : 'first' } satisfies ChoicePromptRef);
  }

  private async routeStep(step: WaterfallStepContext) {
    const answer = step.result as ChoiceAnswer;
    const target = answer.value ? ROUTES[answer.value as MenuValue] : undefined;
    // Anything typed that is not a menu option is treated as a question.
    return step.beginDialog(target ?? DialogIds.askQuestion, { question: answer.text });
  }

  private async loopStep(step: WaterfallStepContext) {
    // Replace the waterfall inside this component: replacing 'main' from in here would nest a new
    // main dialog inside this one on every loop, and the state would grow with every turn.
    return step.replaceDialog(MAIN_FLOW, { again: true } satisfies MainDialogOptions);
  }
}
