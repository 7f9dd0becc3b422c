import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../scripts/safety/corpus';
import { defaultContentDir } from '../src/content/contentDir';
import { loadSafety } from '../src/safety/safety';
import { checkSafety } from '../src/safety/safetyCheck';
import { percentile } from './percentile';

/**
 * npm run bench:safety — what the safety check adds to every message: the layered check (rules,
 * classifier over the whole message and its windows) and the language check, timed one message at a
 * time over the train and dev messages, then on the longest message allowed (4,000 characters).
 * Settings: BENCH_SAFETY_ROUNDS (10).
 */
const ROUNDS = Number(process.env.BENCH_SAFETY_ROUNDS ?? 10);

function timeEach(texts: readonly string[], rounds: number, run: (text: string) => unknown): number[] {
  for (const t of texts) run(t); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      run(t);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, times: readonly number[]): void {
  const f = (p: number) => percentile(times, p).toFixed(3);
  console.log(`  ${label.padEnd(44)} p50 ${f(50)} ms  p99 ${f(99)} ms  max ${times[times.length - 1]!.toFixed(3)} ms  (${times.length} checks)`);
}

function main(): void {
  const contentDir = defaultContentDir();
  const t0 = performance.now();
  const safety = loadSafety(contentDir);
  const loadMs = performance.now() - t0;
  const texts = loadCorpus(join(contentDir, '..'), ['train', 'dev']).map((m) => m.text);
  const words = texts.map((t) => t.split(/\s+/).length).sort((a, b) => a - b);
  console.log(`bench:safety: ${texts.length} messages (median ${percentile(words, 50)} words, longest ${words[words.length - 1]}), ${ROUNDS} rounds; loading rules, lexicon and model took ${loadMs.toFixed(0)} ms`);
  report('rules only (the check before this change)', timeEach(texts, ROUNDS, (t) => checkSafety(t, safety.rules)));
  report('layered check (rules + classifier)', timeEach(texts, ROUNDS, (t) => safety.detector.check(t)));
  report('language of the message', timeEach(texts, ROUNDS, (t) => safety.languageOf(t)));
  report('both, as each message pays', timeEach(texts, ROUNDS, (t) => [safety.detector.check(t), safety.languageOf(t)]));
  const long = Array.from({ length: 20 }, (_, i) => texts.slice(i * 40, i * 40 + 40).join(' ').slice(0, 4000));
  report('4,000-character messages, both', timeEach(long, ROUNDS, (t) => [safety.detector.check(t), safety.languageOf(t)]));
}

main();
