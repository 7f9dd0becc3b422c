import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256 } from '../safety/corpus';

/*
 * The question corpus (tests/knowledge/corpus/): questions written blind by separate writers (one JSON
 * Lines file each), the answer a different helper mapped each one to (answers/<writer>.jsonl, line for
 * line), and the split by writer into train, dev and a frozen test split (splits.json).
 */

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];
export const AREAS = ['barnsley', 'doncaster', 'rotherham', 'sheffield', 'outside', 'none'] as const;
export const NOT_OURS = 'out-of-scope';

const questionSchema = z.strictObject({
  text: z.string().min(1).max(4000),
  persona: z.enum(['parent', 'young-person', 'neighbour', 'professional']),
  chose: z.enum(['parent', 'young-person', 'other', 'none']),
  channel: z.enum(['webchat', 'sms', 'whatsapp']),
  area: z.enum(AREAS),
  scope: z.enum(['in', 'out']),
  topic: z.string(),
});

const answerSchema = z.strictObject({
  /** The writer's line number, to check the two files stay in step. */
  line: z.number().int().positive(),
  /** The answer that should be given (an answer id), "out-of-scope", or "gap: ..." when no answer fits. */
  answer: z.string().min(1),
  /** Other answers that would also be right. */
  also: z.array(z.string()).default([]),
  note: z.string().optional(),
});

export interface CorpusQuestion extends z.infer<typeof questionSchema> {
  /** "q05:12": the writer and the line in their file. */
  id: string;
  writer: string;
  split: Split;
  /** Right answers (ids): the mapped one first. Empty when out of scope or a gap. */
  expected: string[];
  outOfScope: boolean;
  /** No answer covers it yet (the mapper said "gap"): in scope, and always a miss until one is written. */
  gap?: string;
}

const splitsSchema = z.strictObject({
  train: z.array(z.string().min(1)).min(1),
  dev: z.array(z.string().min(1)).min(1),
  test: z.array(z.string().min(1)).min(1),
  /** SHA-256 of each test-split file (questions and answers) as frozen: a changed test file is refused. */
  frozen: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type QuestionSplits = z.infer<typeof splitsSchema>;

export function questionCorpusDir(repoRoot: string): string {
  return join(repoRoot, 'tests', 'knowledge', 'corpus');
}

export function loadQuestionSplits(repoRoot: string): QuestionSplits {
  const splits = splitsSchema.parse(JSON.parse(readFileSync(join(questionCorpusDir(repoRoot), 'splits.json'), 'utf8')));
  const all = [...splits.train, ...splits.dev, ...splits.test];
  if (new Set(all).size !== all.length) throw new Error('splits.json: a writer is in more than one split');
  return splits;
}

function jsonLines<T>(file: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      out.push(parsed.data);
    });
  return out;
}

/** One writer's questions with their mapped answers. */
export function loadQuestionWriter(repoRoot: string, writer: string, split: Split): CorpusQuestion[] {
  const dir = questionCorpusDir(repoRoot);
  const questions = jsonLines(join(dir, `${writer}.jsonl`), questionSchema);
  const answers = jsonLines(join(dir, 'answers', `${writer}.jsonl`), answerSchema);
  if (answers.length !== questions.length) throw new Error(`answers/${writer}.jsonl has ${answers.length} lines for ${questions.length} questions`);
  return questions.map((q, i) => {
    const a = answers[i]!;
    if (a.line !== i + 1) throw new Error(`answers/${writer}.jsonl: line ${i + 1} says it is for line ${a.line}`);
    const outOfScope = a.answer === NOT_OURS;
    const gap = a.answer.startsWith('gap') ? a.answer : undefined;
    const expected = outOfScope || gap ? [] : [a.answer, ...a.also.filter((x) => x !== a.answer && x !== NOT_OURS && !x.startsWith('gap'))];
    return { ...q, id: `${writer}:${i + 1}`, writer, split, expected, outOfScope, ...(gap ? { gap } : {}) };
  });
}

/** The files of one test-split writer, as hashed in splits.json. */
export function frozenFiles(writer: string): string[] {
  return [`${writer}.jsonl`, `answers/${writer}.jsonl`];
}

/** The questions of the splits asked for; the test split is checked against its frozen hashes first. */
export function loadQuestionCorpus(repoRoot: string, which: readonly Split[] = SPLITS): CorpusQuestion[] {
  const splits = loadQuestionSplits(repoRoot);
  if (which.includes('test')) {
    for (const writer of splits.test) {
      for (const file of frozenFiles(writer)) {
        if (splits.frozen[file] !== sha256(readFileSync(join(questionCorpusDir(repoRoot), file)))) {
          throw new Error(`the frozen test split changed: ${file} no longer matches splits.json`);
        }
      }
    }
  }
  return which.flatMap((split) => splits[split].flatMap((writer) => loadQuestionWriter(repoRoot, writer, split)));
}
