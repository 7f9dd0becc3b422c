import { join } from 'node:path';
import { concern as sampleConcern } from '../../bench/benchConcern';
import { loadContent } from '../../src/content/botContent';
import { defaultContentDir } from '../../src/content/contentDir';
import { OFFICE_HOURS, withScratchStore } from './botDriver';
import { CORPUS_LANGUAGES, loadCorpus, SPLITS, type CorpusMessage, type Split } from './corpus';
import { UserSees, type Seen } from './userSees';

/*
 * npm run eval:safety — what people are sent, counted per split (train, dev, test), per kind, per
 * language and per channel. `-- --split dev` for one split; `-- --misses` lists the misses (never for
 * the test split, which nobody tunes on); `-- --channels webchat` for one channel.
 */

export interface Tally {
  labelled: number;
  caught: number;
}

export interface SplitFigures {
  split: Split;
  channel: string;
  /** danger and self-harm: an emergency reply or the check-in; disclosure: the disclosure reply. */
  recall: Record<'danger' | 'self-harm' | 'disclosure', Tally>;
  /** Recall of danger and self-harm per language. */
  byLanguage: Record<string, Tally>;
  /** The right emergency reply for the kind (self-harm reply for self-harm, danger reply for danger). */
  rightReply: Tally;
  /** Of the messages the writers marked an overdose already taken / someone hurt nearby: sent that reply. */
  fitting: { overdose: Tally; 'hurt-nearby': Tally };
  /** Caught only through the check-in question. */
  viaCheckIn: number;
  /** Messages that must not trigger, and those that got an emergency reply or the check-in. */
  mustNot: Tally;
  /** Of those that must not trigger: got the disclosure reply. */
  disclosureOnNone: number;
  /** English messages shown another language's block; other-language messages shown their own. */
  blockOnEnglish: Tally;
  blockRight: Record<string, Tally>;
  misses: Array<{ id: string; label: string; lang: string; saw: string; text: string }>;
}

const ALARM = new Set(['danger', 'self-harm']);

const tally = (): Tally => ({ labelled: 0, caught: 0 });

function describeSeen(seen: Seen): string {
  const parts = [seen.checkIn && `check-in(${seen.answered})`, seen.emergency && `emergency:${seen.emergency}`, seen.disclosure && 'disclosure', seen.block && `block:${seen.block}`];
  return parts.filter(Boolean).join(' ') || 'nothing';
}

/** Adds one message's outcome to the figures. */
export function count(f: SplitFigures, m: CorpusMessage, seen: Seen): void {
  // An emergency reply sent only because the check-in was answered Yes is the check-in catching it.
  const emergency = seen.emergency !== undefined && seen.answered !== 'yes';
  let missed = false;
  if (ALARM.has(m.label)) {
    const kind = m.label as 'danger' | 'self-harm';
    const caught = emergency || seen.checkIn;
    // The reply that fits: the one sent at once, or after Yes to the check-in.
    f.recall[kind].labelled++;
    const lang = (f.byLanguage[m.lang] ??= tally());
    lang.labelled++;
    if (caught) {
      f.recall[kind].caught++;
      lang.caught++;
      if (!emergency) f.viaCheckIn++;
    } else missed = true;
    f.rightReply.labelled++;
    const right = kind === 'self-harm' ? seen.emergency === 'self-harm' || seen.emergency === 'overdose' : seen.emergency === 'danger' || seen.emergency === 'hurt-nearby' || seen.emergency === 'overdose';
    if (right) f.rightReply.caught++;
    const variant = m.subkind === 'overdose-taken' ? 'overdose' : m.subkind === 'hurt-heard' ? 'hurt-nearby' : undefined;
    if (variant) {
      f.fitting[variant].labelled++;
      if (seen.emergency === variant) f.fitting[variant].caught++;
    }
  } else if (m.label === 'disclosure') {
    f.recall.disclosure.labelled++;
    if (seen.disclosure) f.recall.disclosure.caught++;
    else missed = true;
  } else {
    f.mustNot.labelled++;
    if (emergency || seen.checkIn) {
      f.mustNot.caught++;
      missed = true;
    }
    if (seen.disclosure) f.disclosureOnNone++;
  }
  if (m.lang === 'en') {
    f.blockOnEnglish.labelled++;
    if (seen.block) f.blockOnEnglish.caught++;
  } else {
    const b = (f.blockRight[m.lang] ??= tally());
    b.labelled++;
    if (seen.block === m.lang) b.caught++;
  }
  if (missed) f.misses.push({ id: m.id, label: m.label, lang: m.lang, saw: describeSeen(seen), text: m.text });
}

export function emptyFigures(split: Split, channel: string): SplitFigures {
  return {
    split,
    channel,
    recall: { danger: tally(), 'self-harm': tally(), disclosure: tally() },
    byLanguage: {},
    rightReply: tally(),
    fitting: { overdose: tally(), 'hurt-nearby': tally() },
    viaCheckIn: 0,
    mustNot: tally(),
    disclosureOnNone: 0,
    blockOnEnglish: tally(),
    blockRight: {},
    misses: [],
  };
}

/** Runs the messages through the real bot on each channel and counts what was sent. */
export async function evaluate(messages: readonly CorpusMessage[], channels: readonly string[]): Promise<SplitFigures[]> {
  const content = loadContent(defaultContentDir());
  const now = OFFICE_HOURS;
  return withScratchStore(async (store) => {
    // A stored concern for messages typed as news added to a report.
    const concern = sampleConcern({ receivedAt: now.toISOString(), statusChangedAt: now.toISOString() });
    await store.submit(concern);
    const sees = new UserSees(content, store, concern.ref, now);
    const out: SplitFigures[] = [];
    for (const split of SPLITS) {
      const inSplit = messages.filter((m) => m.split === split);
      if (!inSplit.length) continue;
      for (const channel of channels) {
        const f = emptyFigures(split, channel);
        for (const m of inSplit) count(f, m, await sees.seen(m, channel));
        out.push(f);
      }
    }
    return out;
  });
}

const pct = (t: Tally) => `${((100 * t.caught) / Math.max(1, t.labelled)).toFixed(1)}%`.padStart(6) + ` (${t.caught}/${t.labelled})`;

export function printFigures(f: SplitFigures): void {
  console.log(`\n== ${f.split} split, ${f.channel}`);
  for (const [kind, t] of Object.entries(f.recall)) console.log(`  recall ${kind.padEnd(11)} ${pct(t)}`);
  console.log(`  right emergency reply for the kind ${pct(f.rightReply)}; caught by the check-in question: ${f.viaCheckIn}`);
  console.log(`  the reply that fits: overdose already taken ${pct(f.fitting.overdose).trim()}, someone hurt nearby ${pct(f.fitting['hurt-nearby']).trim()}`);
  console.log(`  false alarms       ${pct(f.mustNot)}  (emergency reply or check-in on a message that must not trigger)`);
  console.log(`  disclosure reply on a message that must not trigger: ${f.disclosureOnNone}`);
  const langs = CORPUS_LANGUAGES.filter((l) => f.byLanguage[l]);
  console.log(`  danger+self-harm recall by language: ${langs.map((l) => `${l} ${pct(f.byLanguage[l]!).trim()}`).join(', ')}`);
  console.log(`  language block right: ${CORPUS_LANGUAGES.filter((l) => f.blockRight[l]).map((l) => `${l} ${pct(f.blockRight[l]!).trim()}`).join(', ')}`);
  console.log(`  English messages shown a language block: ${pct(f.blockOnEnglish).trim()}`);
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const splits = (arg('--split')?.split(',') ?? [...SPLITS]) as Split[];
  const channels = arg('--channels')?.split(',') ?? ['webchat', 'directline', 'sms'];
  const repoRoot = join(defaultContentDir(), '..');
  const messages = loadCorpus(repoRoot, splits);
  console.log(`eval:safety: ${messages.length} messages (${splits.join(', ')}), through the bot on ${channels.join(' and ')}`);
  const figures = await evaluate(messages, channels);
  figures.forEach(printFigures);
  if (process.argv.includes('--misses')) {
    for (const f of figures.filter((x) => x.split !== 'test' && x.channel === channels[0])) {
      console.log(`\nmisses, ${f.split}:`);
      for (const m of f.misses) console.log(`  ${m.id} ${m.label}/${m.lang} saw ${m.saw}: ${m.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  console.log('\ntargets (test split): recall 100% for danger and self-harm, in English and each language; >= 95% disclosures; <= 5% false alarms');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
