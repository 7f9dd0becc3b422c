import { performance } from 'node:perf_hooks';
import { LocalLanguageService } from '../src/language/localLanguageService';
import { percentile } from './percentile';

/**
 * npm run bench:language — how long the local language service takes to analyse one report text
 * (personal details and language), over a few hundred generated report texts of realistic shape and
 * length. Settings: BENCH_LANGUAGE_TEXTS (400), BENCH_LANGUAGE_ROUNDS (20).
 */
const TEXTS = Number(process.env.BENCH_LANGUAGE_TEXTS ?? 400);
const ROUNDS = Number(process.env.BENCH_LANGUAGE_ROUNDS ?? 20);

const OPENINGS = [
  "I'm worried about my son",
  'My name is Sam Jones and I am worried about my nephew',
  'This is about a boy in my daughter’s class',
  'Hi, I live on the estate near the park and',
  'I am a neighbour and',
  'Not sure if this is the right place but',
  'Mój syn ma 14 lat i',
  'Mae fy mab wedi bod yn mynd ar goll',
];
const CONCERNS = [
  'he keeps going missing at weekends and comes back with new trainers and cash',
  'older lads pick him up in a black Audi, reg AB12 CDE, most nights around 10:30',
  'his mate Jordan has been giving him a phone that we did not buy him',
  'there are men selling from a flat at 12 Acacia Road, S70 2TA, people come and go all day',
  'he gets calls from 07700 900123 at all hours and will not say who it is',
  "she has a new boyfriend called Dean who is much older and gives her vapes and money",
  'his snapchat is tyler_x99 and he is getting messages from people we do not know',
  'he said he owes someone £200 and is scared to go to school',
  'he was found in Leeds by the police last Tuesday, he said he was visiting a friend',
  'kids from the school are hanging around the shop on High Street with a man in a grey car',
  'he came home with a cut on his hand and a bag he would not let me look in',
];
const CLOSINGS = [
  'You can reach me on +44 7700 900456 or sam.jones@example.co.uk.',
  'I do not want to give my name.',
  'Please help, I do not know what to do.',
  'My address is flat 3, 45 High Street, Barnsley.',
  'I have already told the school.',
  '',
];

/** A small deterministic generator (mulberry32), so that every run measures the same texts. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reportTexts(count: number): string[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const concerns = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CONCERNS));
    return `${pick(OPENINGS)} ${concerns.join('. Also ')}. ${pick(CLOSINGS)}`.trim();
  });
}

async function main(): Promise<void> {
  const service = new LocalLanguageService();
  const texts = reportTexts(TEXTS);
  for (const text of texts) await service.analyse([text]); // warm up
  const latencies: number[] = [];
  let details = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const t0 = performance.now();
      const [result] = await service.analyse([text]);
      latencies.push(performance.now() - t0);
      details += result?.details.length ?? 0;
    }
  }
  latencies.sort((a, b) => a - b);
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  console.log(`Local language service benchmark: ${texts.length} report texts (mean ${chars.toFixed(0)} chars) x ${ROUNDS} rounds`);
  console.log(`details found per text: ${(details / latencies.length).toFixed(2)}`);
  console.log(
    `per text: p50 ${percentile(latencies, 50).toFixed(3)} ms   p95 ${percentile(latencies, 95).toFixed(3)} ms   p99 ${percentile(latencies, 99).toFixed(3)} ms   max ${latencies[latencies.length - 1]!.toFixed(3)} ms`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
