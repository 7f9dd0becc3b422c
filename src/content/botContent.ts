import { BankHolidayCalendar } from '../calendar/bankHolidays';
import { AgencyDirectory } from '../concerns/agencies';
import { loadReportContent, type ReportContent } from '../concerns/reportContent';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { loadQuestionContent, type QuestionContent } from '../knowledge/questionContent';
import { loadSafety, type Safety } from '../safety/safety';
import { loadShellContent, type ShellContent } from '../shell/shellContent';
import { maskPlaces } from '../signposting/areas';
import { loadFrontDoors, type FrontDoors } from '../signposting/frontDoorAdvice';
import { ServiceDirectory } from '../signposting/serviceDirectory';
import { defaultContentDir } from './contentDir';

/** Everything in content/ that the bot runs on, loaded and cross-checked once. */
export interface BotContent {
  services: ServiceDirectory;
  shell: ShellContent;
  knowledge: KnowledgeBase;
  questions: QuestionContent;
  frontDoors: FrontDoors;
  holidays: BankHolidayCalendar;
  safety: Safety;
  report: ReportContent;
  agencies: AgencyDirectory;
}

/**
 * Loads content/ (the project's own unless another folder is given): the app, the tests, the content
 * check and the evaluations all start here. A bad file throws, naming itself.
 */
export function loadContent(contentDir: string = defaultContentDir()): BotContent {
  const services = ServiceDirectory.load(contentDir);
  const frontDoors = loadFrontDoors(contentDir);
  // The classifier reads questions with place names masked (the area is found separately, for the number).
  const knowledge = loadKnowledgeBase(contentDir, (id) => services.has(id), (text) => maskPlaces(text, frontDoors.directory));
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
