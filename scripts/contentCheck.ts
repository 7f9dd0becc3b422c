import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/content/botContent';
import { defaultContentDir } from '../src/content/contentDir';
import { contentFindings, MAX_READING_GRADE } from '../src/knowledge/contentReport';
import { fleschKincaidGrade } from '../src/knowledge/readability';

/**
 * npm run content:check — validates all content against its schemas and reports what a content owner
 * must act on. Exits 1 on invalid content or on sources missing from the fact base.
 * FACTS_FILE overrides where the fact base is (default ../shared/facts/cce-facts.md).
 */
function main(): void {
  const contentDir = defaultContentDir();
  // Every content file: each load validates its schema and cross-references, and throws if wrong.
  const { knowledge, frontDoors, safety: safetyBundle } = loadContent(contentDir);
  const { entries } = knowledge;
  const safety = safetyBundle.rules;
  const factsFile = process.env.FACTS_FILE ?? join(contentDir, '..', '..', 'shared', 'facts', 'cce-facts.md');
  if (!existsSync(factsFile)) {
    console.error(`content:check: the fact base ${factsFile} is missing; sources cannot be checked`);
    process.exit(1);
  }
  const facts = readFileSync(factsFile, 'utf8');
  const findings = contentFindings(entries, facts, new Date());
  const numbers = frontDoors.directory.areas().flatMap((a) => [a.frontDoor.number, a.frontDoor.outOfHours?.number].filter((n): n is string => !!n));
  const unknownNumbers = numbers.filter((n) => !facts.includes(n));
  // The safety replies and language blocks name their sources and numbers too: both must be in the fact base.
  const safetySources = [...Object.values(safety.replies).flatMap((r) => (typeof r === 'object' && 'sources' in r ? r.sources : [])), ...safetyBundle.languages.sources];
  const unknownSafetySources = [...new Set(safetySources)].filter((url) => !facts.includes(url));
  const safetyNumbers = ['999', '116 123', '0800 1111', '85258', '08000 121 700', '0808 800 5000'];
  const unknownSafetyNumbers = safetyNumbers.filter((n) => !facts.includes(n));
  const grades = entries.map((e) => fleschKincaidGrade(e.short)).sort((a, b) => a - b);
  console.log(
    `content:check: ${entries.length} answers, lexicon, questions, services, shell, ${frontDoors.directory.areas().length} front doors and their advice, bank holidays and ${safety.rules.length} safety rules, the safety lexicon, model and language blocks valid`,
  );
  console.log(unknownNumbers.length ? `front-door numbers NOT in the fact base: ${unknownNumbers.join(', ')}` : `front-door numbers: all ${numbers.length} are in the fact base`);
  console.log(
    unknownSafetySources.length ? `safety reply sources NOT in the fact base: ${unknownSafetySources.join(', ')}` : `safety replies and language blocks: all ${new Set(safetySources).size} sources are in the fact base`,
  );
  console.log(`safety language blocks awaiting a native speaker's check: ${safetyBundle.languages.awaitingCheck.join(', ') || 'none'}`);
  console.log(`safety lexicon languages awaiting a native speaker's check: ${safetyBundle.lexiconAwaitingCheck.join(', ') || 'none'}`);
  console.log(`reading grade of short answers: median ${grades[Math.floor(grades.length / 2)]!.toFixed(1)}, worst ${grades[grades.length - 1]!.toFixed(1)} (report above ${MAX_READING_GRADE})`);
  const byKind = new Map<string, string[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), `  ${f.id}: ${f.detail}`]);
  for (const [kind, lines] of byKind) console.log(`\n${kind} (${lines.length}):\n${lines.join('\n')}`);
  const errors = findings.filter((f) => f.kind === 'source-not-in-fact-base').length + unknownNumbers.length + unknownSafetySources.length + unknownSafetyNumbers.length;
  console.log(errors ? `\n${errors} source(s) not in the fact base: fix before publishing.` : '\nAll sources are in the fact base.');
  process.exit(errors ? 1 : 0);
}

main();
