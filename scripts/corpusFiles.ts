import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/*
 * What the blind corpora (tests/safety/corpus, tests/knowledge/corpus) have in common: JSON Lines files
 * checked line by line, a split by writer in splits.json, and a frozen test split whose files are refused
 * once they no longer match the hashes recorded when it was frozen.
 */

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

const splitsSchema = z.strictObject({
  train: z.array(z.string().min(1)).min(1),
  dev: z.array(z.string().min(1)).min(1),
  test: z.array(z.string().min(1)).min(1),
  /** SHA-256 of each test-split file as it was frozen: a changed test file is refused. */
  frozen: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type Splits = z.infer<typeof splitsSchema>;

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A corpus directory's splits.json, with no writer in two splits. */
export function loadSplitsIn(dir: string): Splits {
  const splits = splitsSchema.parse(JSON.parse(readFileSync(join(dir, 'splits.json'), 'utf8')));
  const all = [...splits.train, ...splits.dev, ...splits.test];
  if (new Set(all).size !== all.length) throw new Error('splits.json: a writer is in more than one split');
  return splits;
}

/** A JSON Lines file checked line by line: a bad line names its file and number. Blank lines are skipped. */
export function readJsonLines<T>(file: string, schema: z.ZodType<T>): Array<{ value: T; line: number }> {
  const out: Array<{ value: T; line: number }> = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      out.push({ value: parsed.data, line: i + 1 });
    });
  return out;
}

/** Refuses to go on if any of these test-split files (paths inside dir) changed since it was frozen. */
export function checkFrozen(dir: string, splits: Splits, files: readonly string[]): void {
  for (const file of files) {
    if (splits.frozen[file] !== sha256(readFileSync(join(dir, file)))) throw new Error(`the frozen test split changed: ${file} no longer matches splits.json`);
  }
}
