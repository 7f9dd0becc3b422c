import { join } from 'node:path';
import { defaultContentDir } from '../src/content/contentDir';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase';
import { ServiceDirectory } from '../src/signposting/serviceDirectory';
import { evaluate, formatFigures, loadLabelledQuestions } from './kbEvaluation';

/**
 * npm run eval:kb — the labelled question set through the bot's own ranking and confidence rules.
 * Prints the tuning split and the held-back split separately. `-- --misses` lists the tuning split's
 * misses (the held-back split's questions are never printed, so they stay unseen while tuning).
 */
function main(): void {
  const contentDir = defaultContentDir();
  const services = ServiceDirectory.load(contentDir);
  const kb = loadKnowledgeBase(contentDir, (id) => services.has(id));
  const items = loadLabelledQuestions(join(contentDir, '..'));
  const tune = evaluate(kb, items.filter((i) => i.split === 'tune'));
  const holdout = evaluate(kb, items.filter((i) => i.split === 'holdout'));
  console.log(`Knowledge retrieval evaluation: ${kb.entries.length} answers, ${items.length} labelled questions\n`);
  console.log(formatFigures('tuning split', tune));
  console.log(formatFigures('held-back split (never tuned on)', holdout));
  if (process.argv.includes('--misses')) {
    console.log('\nmisses in the tuning split:');
    for (const m of tune.misses) console.log(`  ${(m.expect ?? 'OUT-OF-SCOPE').padEnd(24)} ${m.q}\n  ${''.padEnd(24)} -> ${m.got}`);
  }
}

main();
