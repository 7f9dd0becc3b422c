import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentDir } from '../src/content/contentDir';
import { contentFindings, MAX_READING_GRADE } from '../src/knowledge/contentReport';
import { BankHolidayCalendar } from '../src/calendar/bankHolidays';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase';
import { loadQuestionContent } from '../src/knowledge/questionContent';
import { AgencyDirectory } from '../src/concerns/agencies';
import { loadReportContent } from '../src/concerns/reportContent';
import { loadSafetyRules } from '../src/safety/safetyRules';
import { FrontDoorDirectory } from '../src/signposting/frontDoors';
import { fleschKincaidGrade } from '../src/knowledge/readability';
import { loadShellContent } from '../src/shell/shellContent';
import { ServiceDirectory } from '../src/signposting/serviceDirectory';

/**
 * npm run content:check — validates all content against its schemas and reports what a content owner
 * must act on. Exits 1 on invalid content or on sources missing from the fact base.
 * FACTS_FILE overrides where the fact base is (default ../shared/facts/cce-facts.md).
 */
function main(): void {
  const contentDir = defaultContentDir();
  const services = ServiceDirectory.load(contentDir);
  loadShellContent(contentDir, services);
  // The other content files: each load validates its schema and cross-references, and throws if wrong.
  const kb = loadKnowledgeBase(contentDir, (id) => services.has(id));
  const { entries } = kb;
  loadQuestionContent(contentDir, services, (id) => kb.has(id));
  const frontDoors = FrontDoorDirectory.load(contentDir);
  BankHolidayCalendar.load(contentDir);
  const safety = loadSafetyRules(contentDir);
  loadReportContent(contentDir);
  AgencyDirectory.load(contentDir);
  const factsFile = process.env.FACTS_FILE ?? join(contentDir, '..', '..', 'shared', 'facts', 'cce-facts.md');
  if (!existsSync(factsFile)) {
    console.error(`content:check: the fact base ${factsFile} is missing; sources cannot be checked`);
    process.exit(1);
  }
  const facts = readFileSync(factsFile, 'utf8');
  const findings = contentFindings(entries, facts, new Date());
  const numbers = frontDoors.areas().flatMap((a) => [a.frontDoor.number, a.frontDoor.outOfHours?.number].filter((n): n is string => !!n));
  const unknownNumbers = numbers.filter((n) => !facts.includes(n));
  const grades = entries.map((e) => fleschKincaidGrade(e.short)).sort((a, b) => a - b);
  console.log(
    `content:check: ${entries.length} answers, lexicon, questions, services, shell, ${frontDoors.areas().length} front doors, bank holidays and ${safety.rules.length} safety rules valid`,
  );
  console.log(unknownNumbers.length ? `front-door numbers NOT in the fact base: ${unknownNumbers.join(', ')}` : `front-door numbers: all ${numbers.length} are in the fact base`);
  console.log(`reading grade of short answers: median ${grades[Math.floor(grades.length / 2)]!.toFixed(1)}, worst ${grades[grades.length - 1]!.toFixed(1)} (report above ${MAX_READING_GRADE})`);
  const byKind = new Map<string, string[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), `  ${f.id}: ${f.detail}`]);
  for (const [kind, lines] of byKind) console.log(`\n${kind} (${lines.length}):\n${lines.join('\n')}`);
  const errors = findings.filter((f) => f.kind === 'source-not-in-fact-base').length + unknownNumbers.length;
  console.log(errors ? `\n${errors} source(s) not in the fact base: fix before publishing.` : '\nAll sources are in the fact base.');
  process.exit(errors ? 1 : 0);
}

main();
