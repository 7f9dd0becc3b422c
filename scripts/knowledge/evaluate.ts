import { join } from 'node:path';
import { loadContent } from '../../src/content/botContent';
import { defaultContentDir } from '../../src/content/contentDir';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { OFFICE_HOURS, withScratchStore } from '../safety/botDriver';
import { BotAnswers, type Seen } from './botAnswers';
import { loadQuestionCorpus, SPLITS, type CorpusQuestion, type Split } from './questionCorpus';
import { pct } from './pickerEvaluation';

/*
 * npm run eval:kb — every corpus question through the real bot, in the writer's channel, after telling
 * the bot who they are when the writer said they did; counts what the person is sent, per split.
 * `-- --split dev` for one split; `-- --misses` lists the misses (refused for the test split).
 */

export interface KbFigures {
  split: Split;
  inScope: number;
  right: number;
  wrong: number;
  didYouMean: number;
  didYouMeanRight: number;
  noAnswer: number;
  /** Asked "is someone in danger right now?" first (the simulated person answers No). */
  checkedIn: number;
  /** A safety reply came first, before the rest of the reply. */
  safetyFirst: number;
  /** In scope, but the reply was a safety reply or something else (the menu, a place's number...). */
  other: number;
  outOfScope: number;
  outOfScopeAnswered: number;
  outOfScopeDidYouMean: number;
  /** Questions naming one of the four areas, answered with a local number: that area's, another's, or "which area?". */
  local: { named: number; right: number; wrong: number; asked: number };
  misses: Array<{ id: string; expected: string; got: string; text: string }>;
  /** The same counts for each channel's questions (web chat, SMS, WhatsApp). */
  byChannel: Partial<Record<CorpusQuestion['channel'], ChannelFigures>>;
}

export interface ChannelFigures {
  inScope: number;
  right: number;
  wrong: number;
  didYouMean: number;
  noAnswer: number;
  outOfScope: number;
  outOfScopeAnswered: number;
}

export function emptyFigures(split: Split): KbFigures {
  return {
    split, inScope: 0, right: 0, wrong: 0, didYouMean: 0, didYouMeanRight: 0, noAnswer: 0, checkedIn: 0, safetyFirst: 0, other: 0,
    outOfScope: 0, outOfScopeAnswered: 0, outOfScopeDidYouMean: 0, local: { named: 0, right: 0, wrong: 0, asked: 0 }, misses: [], byChannel: {},
  };
}

function describe(seen: Seen): string {
  const s = seen.shown;
  if (s.kind === 'answer') return s.id;
  if (s.kind === 'didYouMean') return `? ${s.ids.join(' | ')}`;
  if (s.kind === 'other') return `other: ${s.text.slice(0, 80).replace(/\s+/g, ' ')}`;
  return s.kind;
}

export function count(f: KbFigures, q: CorpusQuestion, seen: Seen): void {
  const s = seen.shown;
  const c = (f.byChannel[q.channel] ??= { inScope: 0, right: 0, wrong: 0, didYouMean: 0, noAnswer: 0, outOfScope: 0, outOfScopeAnswered: 0 });
  if (q.outOfScope) {
    c.outOfScope++;
    if (s.kind === 'answer') c.outOfScopeAnswered++;
  } else {
    c.inScope++;
    if (s.kind === 'answer') c[q.expected.includes(s.id) ? 'right' : 'wrong']++;
    if (s.kind === 'didYouMean') c.didYouMean++;
    if (s.kind === 'noAnswer') c.noAnswer++;
  }
  let miss = false;
  if (q.outOfScope) {
    f.outOfScope++;
    if (s.kind === 'answer') f.outOfScopeAnswered++;
    if (s.kind === 'didYouMean') f.outOfScopeDidYouMean++;
    miss = s.kind === 'answer';
  } else {
    f.inScope++;
    if (seen.checkedIn) f.checkedIn++;
    if (seen.safetyFirst) f.safetyFirst++;
    if (s.kind === 'answer' && q.expected.includes(s.id)) f.right++;
    else if (s.kind === 'answer') f.wrong++;
    else if (s.kind === 'didYouMean') {
      f.didYouMean++;
      if (s.ids.some((id) => q.expected.includes(id))) f.didYouMeanRight++;
    } else if (s.kind === 'noAnswer') f.noAnswer++;
    else f.other++;
    miss = !(s.kind === 'answer' && q.expected.includes(s.id));
    if (seen.localNumber && seen.localNumber !== 'none') {
      f.local.named++;
      f.local[seen.localNumber]++;
    }
  }
  if (miss) f.misses.push({ id: q.id, expected: q.outOfScope ? 'out-of-scope' : (q.gap ?? q.expected.join('|')), got: describe(seen), text: q.text });
}

export function formatFigures(f: KbFigures): string {
  const n = f.inScope;
  return [
    `${f.split}: ${n} in scope, ${f.outOfScope} out of scope`,
    `  answered right            ${pct(f.right, n)}  (${f.right}/${n})`,
    `  answered wrong            ${pct(f.wrong, n)}  (${f.wrong})`,
    `  "did you mean"            ${pct(f.didYouMean, n)}  (${f.didYouMean}; the right one offered in ${f.didYouMeanRight})`,
    `  no answer                 ${pct(f.noAnswer, n)}  (${f.noAnswer})`,
    `  something else            ${pct(f.other, n)}  (${f.other}: a safety reply alone, a place's number, the menu)`,
    `  asked "anyone in danger?" ${pct(f.checkedIn, n)}  (${f.checkedIn}, answered No; counted by what came next)`,
    `  a safety reply first      ${pct(f.safetyFirst, n)}  (${f.safetyFirst})`,
    `  out of scope answered     ${pct(f.outOfScopeAnswered, f.outOfScope)}  (${f.outOfScopeAnswered}/${f.outOfScope}; "did you mean" ${f.outOfScopeDidYouMean})`,
    `  a named area's number     ${pct(f.local.right, f.local.named)} right of ${f.local.named} answers giving a local number (wrong area ${f.local.wrong}, asked which area ${f.local.asked})`,
    ...Object.entries(f.byChannel).map(
      ([channel, c]) =>
        `  ${`${channel}:`.padEnd(10)} ${c.inScope} in scope: right ${pct(c.right, c.inScope)}, wrong ${pct(c.wrong, c.inScope)}, "did you mean" ${pct(c.didYouMean, c.inScope)}, no answer ${pct(c.noAnswer, c.inScope)}; out of scope answered ${c.outOfScopeAnswered}/${c.outOfScope}`,
    ),
  ].join('\n');
}

/**
 * The corpus names the texts' version of an answer (privacy-text) for SMS and WhatsApp questions; a version
 * of the same topic written for that very channel (privacy-sms) is the same answer, put more precisely.
 */
export function withChannelVersions(q: CorpusQuestion, kb: KnowledgeBase): CorpusQuestion {
  if (q.channel === 'webchat') return q;
  const topics = new Set(q.expected.filter((id) => kb.has(id) && kb.get(id).channel === 'text').map((id) => kb.topics.topicOfEntry(id)));
  const more = kb.entries.filter((e) => e.channel === q.channel && topics.has(kb.topics.topicOfEntry(e.id))).map((e) => e.id);
  return more.length ? { ...q, expected: [...q.expected, ...more] } : q;
}

/** Runs the splits through the bot at a fixed time (a weekday morning: office-hours numbers). */
export async function evaluateKb(splits: readonly Split[]): Promise<KbFigures[]> {
  const content = loadContent(defaultContentDir());
  return withScratchStore(async (store) => {
    const answers = new BotAnswers(content, store, OFFICE_HOURS);
    const repoRoot = join(defaultContentDir(), '..');
    const out: KbFigures[] = [];
    for (const split of splits) {
      const f = emptyFigures(split);
      for (const q of loadQuestionCorpus(repoRoot, [split])) count(f, withChannelVersions(q, content.knowledge), await answers.seen(q));
      out.push(f);
    }
    return out;
  });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--split');
  const splits = at >= 0 ? [process.argv[at + 1] as Split] : [...SPLITS];
  if (splits.some((s) => !SPLITS.includes(s))) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  const misses = process.argv.includes('--misses');
  if (misses && splits.includes('test')) throw new Error('--misses is not for the test split: nobody tunes on it');
  const started = Date.now();
  const figures = await evaluateKb(splits);
  console.log(`eval:kb: what the bot sends for each corpus question (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const f of figures) {
    console.log(formatFigures(f));
    if (misses) for (const m of f.misses) console.log(`    ${m.id.padEnd(8)} ${m.expected.padEnd(26)} -> ${m.got}\n             ${m.text.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
