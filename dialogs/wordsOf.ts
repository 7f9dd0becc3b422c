import type { AnswerWords } from '../src/knowledge/answerReply';
import type { ShellDeps } from './shellDeps';

/** The parts of the dialogs' dependencies that answers are written from. */
export function words(deps: ShellDeps): AnswerWords {
  return { kb: deps.knowledge, services: deps.services, content: deps.questions };
}
