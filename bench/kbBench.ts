import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadQuestionCorpus } from '../scripts/knowledge/questionCorpus';
import { BotDriver, OFFICE_HOURS, withScratchStore } from '../scripts/safety/botDriver';
import { seededRandom } from '../src/classifier/trainLinearModel';
import { loadContent } from '../src/content/botContent';
import { defaultContentDir } from '../src/content/contentDir';
import type { ConcernStore } from '../src/concerns/concernStore';
import { percentile } from './percentile';

/**
 * npm run bench:kb — what one question costs through the whole bot turn (the safety check, the language
 * check and the answer picker, all on the event loop), beside a "menu" turn: typical questions from the
 * corpus's train and dev splits, and the worst messages we could think of (4,000 characters of made-up
 * words, one 4,000-letter word, the same word 800 times, digits and emoji). The target: no message costs
 * more than 4 times a "menu" turn. Settings: BENCH_KB_ROUNDS (20).
 */
const ROUNDS = Number(process.env.BENCH_KB_ROUNDS ?? 20);

function madeUpWords(chars: number, seed: number): string {
  const random = seededRandom(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = 3 + Math.floor(random() * 9);
    let w = '';
    for (let i = 0; i < n; i++) w += letters[Math.floor(random() * letters.length)];
    words.push(w);
    length += n + 1;
  }
  return words.join(' ').slice(0, chars);
}

async function main(): Promise<void> {
  await withScratchStore(bench);
}

async function bench(store: ConcernStore): Promise<void> {
  const contentDir = defaultContentDir();
  const content = loadContent(contentDir);
  const driver = new BotDriver(content, store, OFFICE_HOURS);
  const chat = driver.conversation('webchat');
  await chat.say('hi');

  const questions = loadQuestionCorpus(join(contentDir, '..'), ['train', 'dev']).map((q) => q.text);
  const worst: Record<string, string> = {
    '4,000 characters of made-up words': madeUpWords(4000, 1),
    'one 4,000-letter word': 'x'.repeat(4000),
    'the same word 800 times': 'cuckooing '.repeat(400),
    '4,000 characters of digits and emoji': '12345 😀 '.repeat(500).slice(0, 4000),
  };

  async function time(text: string, rounds: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await chat.say(text);
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  }

  // Warm up every path first.
  await time('menu', 20);
  for (const q of questions.slice(0, 50)) await chat.say(q);
  for (const text of Object.values(worst)) await time(text, 2);

  const menu = await time('menu', ROUNDS * 10);
  const typical: number[] = [];
  for (let r = 0; r < Math.max(1, Math.floor(ROUNDS / 10)); r++) for (const q of questions) typical.push(...(await time(q, 1)));
  typical.sort((a, b) => a - b);
  const menuP50 = percentile(menu, 50);
  const line = (name: string, t: number[]) =>
    `${name.padEnd(40)} p50 ${percentile(t, 50).toFixed(2).padStart(6)} ms   p99 ${percentile(t, 99).toFixed(2).padStart(6)} ms   max ${t[t.length - 1]!.toFixed(2).padStart(6)} ms   ${(percentile(t, 50) / menuP50).toFixed(1).padStart(4)} x menu`;
  console.log(`bench:kb: one bot turn (safety check, language check, answer picker) in process; ${questions.length} corpus questions, ${ROUNDS} rounds\n`);
  console.log(line('"menu"', menu));
  console.log(line('typical question (train and dev splits)', typical));
  let worstRatio = 0;
  for (const [name, text] of Object.entries(worst)) {
    const t = await time(text, ROUNDS);
    worstRatio = Math.max(worstRatio, percentile(t, 50) / menuP50);
    console.log(line(name, t));
  }
  console.log(`\nworst case: ${worstRatio.toFixed(1)} x a "menu" turn (target: at most 4 x)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
