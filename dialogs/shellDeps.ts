import type { AgencyDirectory } from '../src/concerns/agencies';
import type { ConcernStore } from '../src/concerns/concernStore';
import type { ConcernSubmitter } from '../src/concerns/concernSubmitter';
import type { ServiceEvents } from '../src/events/serviceEvents';
import type { ReportContent } from '../src/concerns/reportContent';
import type { LanguageService } from '../src/language/languageService';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import type { QuestionContent } from '../src/knowledge/questionContent';
import type { Safety } from '../src/safety/safety';
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
  safety: Safety;
  report: ReportDeps;
  /** Told of each safety reply and each question's outcome, for the indicators and metrics (closed values only). */
  events: ServiceEvents;
}

/** What reporting a concern needs. */
export interface ReportDeps {
  content: ReportContent;
  agencies: AgencyDirectory;
  store: ConcernStore;
  submitter: ConcernSubmitter;
  language: LanguageService;
  /** Tells duty staff's alerts that a stored concern just became urgent (danger in news added later); must not wait. */
  urgentUpdated: () => void;
  /** Days a closed concern is kept (the intro tells the reporter). */
  retentionDays: number;
  now: () => Date;
}
