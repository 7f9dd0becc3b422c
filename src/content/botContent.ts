import { BankHolidayCalendar } from '../calendar/bankHolidays';
import { AgencyDirectory } from '../concerns/agencies';
import { loadReportContent, type ReportContent } from '../concerns/reportContent';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { loadQuestionContent, type QuestionContent } from '../knowledge/questionContent';
import { loadSafety, type Safety } from '../safety/safety';
import { loadShellContent, type ShellContent } from '../shell/shellContent';
import { maskPlaces } from '../signposting/areas';
import { FrontDoorDirectory } from '../signposting/frontDoors';
import { ServiceDirectory } from '../signposting/serviceDirectory';

/** Everything in content/ that the bot runs on, loaded and cross-checked once. */
export interface BotContent {
  services: ServiceDirectory;
  shell: ShellContent;
  knowledge: KnowledgeBase;
  questions: QuestionContent;
  frontDoors: FrontDoorDirectory;
  holidays: BankHolidayCalendar;
  safety: Safety;
  report: ReportContent;
  agencies: AgencyDirectory;
}

/** Loads content/: the app, the tests, the content check and the evaluations all start here. A bad file throws, naming itself. */
export function loadBotContent(contentDir: string): BotContent {
  const services = ServiceDirectory.load(contentDir);
  const frontDoors = FrontDoorDirectory.load(contentDir);
  // The classifier reads questions with place names masked (the area is found separately, for the number).
  const knowledge = loadKnowledgeBase(contentDir, (id) => services.has(id), (text) => maskPlaces(text, frontDoors));
  return {
    services,
    shell: loadShellContent(contentDir, services),
    knowledge,
    questions: loadQuestionContent(contentDir, services, (id) => knowledge.has(id)),
    frontDoors,
    holidays: BankHolidayCalendar.load(contentDir),
    safety: loadSafety(contentDir),
    report: loadReportContent(contentDir),
    agencies: AgencyDirectory.load(contentDir),
  };
}
