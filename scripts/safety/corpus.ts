import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/*
 * The labelled safety corpus (tests/safety/corpus/): messages written blind by separate writers, one
 * JSON Lines file per writer, split by writer into train, dev and a frozen test split (splits.json).
 */

export const LABELS = ['danger', 'self-harm', 'disclosure', 'none'] as const;
export type Label = (typeof LABELS)[number];
export const CORPUS_LANGUAGES = ['en', 'pl', 'ro', 'sk', 'cs', 'uk', 'ur', 'ar', 'pa'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];
export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

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

const splitsSchema = z.strictObject({
  train: z.array(z.string().min(1)).min(1),
  dev: z.array(z.string().min(1)).min(1),
  test: z.array(z.string().min(1)).min(1),
  /** SHA-256 of each test-split file as it was frozen: a changed test file is refused. */
  frozen: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type Splits = z.infer<typeof splitsSchema>;

export function corpusDir(repoRoot: string): string {
  return join(repoRoot, 'tests', 'safety', 'corpus');
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function loadSplits(repoRoot: string): Splits {
  const splits = splitsSchema.parse(JSON.parse(readFileSync(join(corpusDir(repoRoot), 'splits.json'), 'utf8')));
  const all = [...splits.train, ...splits.dev, ...splits.test];
  if (new Set(all).size !== all.length) throw new Error('splits.json: a writer is in more than one split');
  return splits;
}

/** One writer's messages, checked line by line (a bad line names its file and number). */
export function loadWriter(repoRoot: string, writer: string, split: Split): CorpusMessage[] {
  const file = join(corpusDir(repoRoot), `${writer}.jsonl`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: CorpusMessage[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = lineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push({ ...parsed.data, id: `${writer}:${i + 1}`, writer, split });
  });
  return out;
}

/**
 * The messages of the splits asked for. The test split is checked against its frozen hashes first, so
 * that a figure reported for it is always for the same messages.
 */
export function loadCorpus(repoRoot: string, which: readonly Split[] = SPLITS): CorpusMessage[] {
  const splits = loadSplits(repoRoot);
  if (which.includes('test')) {
    for (const writer of splits.test) {
      const actual = sha256(readFileSync(join(corpusDir(repoRoot), `${writer}.jsonl`)));
      if (splits.frozen[`${writer}.jsonl`] !== actual) throw new Error(`the frozen test split changed: ${writer}.jsonl no longer matches splits.json`);
    }
  }
  return which.flatMap((split) => splits[split].flatMap((writer) => loadWriter(repoRoot, writer, split)));
}
