import { join } from 'node:path';
import { defaultContentDir } from '../src/content/contentDir';
import { performance } from 'node:perf_hooks';
import { percentile } from '../bench/percentile';
import { checkSafety } from '../src/safety/safetyCheck';
import { loadSafetyRules } from '../src/safety/safetyRules';
import { evaluateSafety, loadSafetySet } from './safetyEvaluation';

/** npm run eval:safety — recall per kind and the false-positive rate on tests/safety/safety-set.json. `-- --misses` lists them. */
function main(): void {
  const contentDir = defaultContentDir();
  const rules = loadSafetyRules(contentDir);
  const items = loadSafetySet(join(contentDir, '..'));
  const f = evaluateSafety(rules, items);
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(`Safety check evaluation: ${items.length} labelled messages, ${rules.rules.length} rules\n`);
  for (const [kind, r] of Object.entries(f.recall)) console.log(`  recall ${kind.padEnd(11)} ${pct(r.caught, r.labelled).padStart(6)}  (${r.caught}/${r.labelled})`);
  console.log(`  false positives    ${pct(f.falsePositives, f.mustNot).padStart(6)}  (${f.falsePositives}/${f.mustNot} messages that must not trigger)`);
  console.log('  targets: recall 100% for danger and self-harm; false positives <= 5%');
  // Speed: every message pays for this check, so it is timed here too.
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const item of items) {
      const t0 = performance.now();
      checkSafety(item.text, rules);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => percentile(times, p).toFixed(3);
  console.log(`  time per message   p50 ${at(50)} ms, p99 ${at(99)} ms (${times.length} checks, no network)`);
  if (process.argv.includes('--misses')) for (const m of f.misses) console.log(`  ${m.expect.padEnd(10)} got ${m.got.padEnd(30)} ${m.text}`);
}

main();
