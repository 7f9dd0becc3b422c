import { AgencyDirectory } from '../../src/concerns/agencies';
import { loadReportContent } from '../../src/concerns/reportContent';
import type { ReportWords } from '../../src/concerns/reportPrompts';
import { defaultContentDir } from '../../src/content/contentDir';
import { loadShellContent } from '../../src/shell/shellContent';
import { FrontDoorDirectory } from '../../src/signposting/frontDoorDirectory';
import { ServiceDirectory } from '../../src/signposting/serviceDirectory';

/**
 * What the report's prompts are built from, read from the shipped content without the knowledge base or
 * the safety model (which take seconds to load): for tests of the pure prompt and summary functions.
 */
export function reportWords(): ReportWords {
  const contentDir = defaultContentDir();
  const directory = FrontDoorDirectory.load(contentDir);
  return {
    content: loadReportContent(contentDir),
    didNotUnderstand: loadShellContent(contentDir, ServiceDirectory.load(contentDir)).didNotUnderstand,
    retentionDays: 90,
    agencies: AgencyDirectory.load(contentDir),
    areaName: (area) => directory.get(area).name,
  };
}
