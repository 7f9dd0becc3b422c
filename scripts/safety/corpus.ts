import { join } from 'node:path';
import { z } from 'zod';
import { checkFrozen, loadSplitsIn, readJsonLines, SPLITS, type Split, type Splits } from '../corpusFiles';

export { sha256, SPLITS, type Split, type Splits } from '../corpusFiles';

/*
 * The labelled safety corpus (tests/safety/corpus/): messages written blind by separate writers, one
 * JSON Lines file per writer, split by writer into train, dev and a frozen test split (splits.json).
 */

export const LABELS = ['danger', 'self-harm', 'disclosure', 'none'] as const;
export type Label = (typeof LABELS)[number];
export const CORPUS_LANGUAGES = ['en', 'pl', 'ro', 'sk', 'cs', 'uk', 'ur', 'ar', 'pa'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

const SUBKINDS: Record<Label, readonly string[]> = {
  danger: ['attack-now', 'weapon', 'threat-soon', 'held-or-taken', 'missing-at-risk', 'hurt-heard', 'plugging', 'other'],
  'self-harm': ['intent', 'plan-or-means', 'overdose-taken', 'self-injury', 'indirect', 'about-someone-else'],
  disclosure: ['made-to-carry-or-sell', 'debt', 'threatened-to-keep-working', 'groomed', 'home-used', 'other'],
  none: ['past', 'general-question', 'hypothetical', 'news-or-media', 'lyrics-or-game', 'idiom', 'worry-not-urgent', 'report-answer', 'chat', 'other'],
};

const lineSchema = z
  .strictObject({
    text: z.string().min(1).max(4000),
    label: z.enum(LABELS),
    /** "unknown" only in the project authors' early set, which was written before subkinds existed. */
    subkind: z.string().min(1),
    lang: z.enum(CORPUS_LANGUAGES),
    persona: z.enum(['parent', 'young-person', 'neighbour', 'professional', 'other', 'unknown']),
    context: z.enum(['first-message', 'mid-report', 'follow-up']),
  })
  .refine((m) => m.subkind === 'unknown' || SUBKINDS[m.label].includes(m.subkind), { message: 'subkind does not belong to the label' });

export type CorpusLine = z.infer<typeof lineSchema>;

export interface CorpusMessage extends CorpusLine {
  /** "w05:123": the writer and the line number in their file. */
  id: string;
  writer: string;
  split: Split;
}

export function corpusDir(repoRoot: string): string {
  return join(repoRoot, 'tests', 'safety', 'corpus');
}

export function loadSplits(repoRoot: string): Splits {
  return loadSplitsIn(corpusDir(repoRoot));
}

/** One writer's messages, checked line by line (a bad line names its file and number). */
export function loadWriter(repoRoot: string, writer: string, split: Split): CorpusMessage[] {
  return readJsonLines(join(corpusDir(repoRoot), `${writer}.jsonl`), lineSchema).map(({ value, line }) => ({ ...value, id: `${writer}:${line}`, writer, split }));
}

/**
 * The messages of the splits asked for. The test split is checked against its frozen hashes first, so
 * that a figure reported for it is always for the same messages.
 */
export function loadCorpus(repoRoot: string, which: readonly Split[] = SPLITS): CorpusMessage[] {
  const splits = loadSplits(repoRoot);
  if (which.includes('test')) checkFrozen(corpusDir(repoRoot), splits, splits.test.map((writer) => `${writer}.jsonl`));
  return which.flatMap((split) => splits[split].flatMap((writer) => loadWriter(repoRoot, writer, split)));
}
