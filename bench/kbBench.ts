import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadLabelledQuestions } from '../scripts/kbEvaluation';
import { defaultContentDir } from '../src/content/contentDir';
import { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { Lexicon } from '../src/knowledge/lexicon';
import { loadKnowledge } from '../src/knowledge/loadKnowledge';
import { ServiceDirectory } from '../src/signposting/serviceDirectory';
import { percentile } from './percentile';

/**
 * npm run bench:kb — how long building the index takes and how long one question takes to answer
 * (ranking plus the confidence decision), over the labelled question set. Settings: BENCH_KB_ROUNDS (50).
 */
const ROUNDS = Number(process.env.BENCH_KB_ROUNDS ?? 50);

function main(): void {
  const contentDir = defaultContentDir();
  const services = ServiceDirectory.load(contentDir);
  const entries = loadKnowledge(contentDir, (id) => services.has(id));
  const lexicon = Lexicon.load(contentDir);
  const questions = loadLabelledQuestions(join(contentDir, '..')).map((i) => i.q);

  const builds: number[] = [];
  let kb = new KnowledgeBase(entries, lexicon);
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    kb = new KnowledgeBase(entries, lexicon);
    builds.push(performance.now() - t0);
  }
  // Warm up, then measure each question separately. A fresh index each round, so the spelling
  // cache starts empty and misspellings are paid for as a first-time user would pay for them.
  for (const q of questions) kb.find(q);
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    kb = new KnowledgeBase(entries, lexicon);
    for (const q of questions) {
      const t0 = performance.now();
      kb.find(q);
      latencies.push(performance.now() - t0);
    }
  }
  builds.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const terms = entries.reduce((n, e) => n + e.questions.length, 0);
  console.log(`Knowledge retrieval benchmark: ${entries.length} answers, ${terms} question phrasings, ${questions.length} questions x ${ROUNDS} rounds`);
  console.log(`index build: median ${percentile(builds, 50).toFixed(2)} ms, worst ${builds[builds.length - 1]!.toFixed(2)} ms`);
  console.log(
    `per question: p50 ${percentile(latencies, 50).toFixed(3)} ms   p95 ${percentile(latencies, 95).toFixed(3)} ms   p99 ${percentile(latencies, 99).toFixed(3)} ms   max ${latencies[latencies.length - 1]!.toFixed(3)} ms   (target p99 < 2 ms)`,
  );
}

main();
