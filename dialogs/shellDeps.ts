import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import type { QuestionContent } from '../src/knowledge/questionContent';
import type { SafetyRules } from '../src/safety/safetyRules';
import type { LocalHelp } from '../src/signposting/localHelp';
import type { ServiceDirectory } from '../src/signposting/serviceDirectory';
import type { ShellContent } from '../src/shell/shellContent';
import type { ProfileAccessor } from './conversationProfile';

/** What the dialogs need, built once at start-up and passed down. */
export interface ShellDeps {
  content: ShellContent;
  services: ServiceDirectory;
  profile: ProfileAccessor;
  knowledge: KnowledgeBase;
  questions: QuestionContent;
  localHelp: LocalHelp;
  safety: SafetyRules;
}
