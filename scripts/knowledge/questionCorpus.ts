import { join } from 'node:path';
import { z } from 'zod';
import { checkFrozen, loadSplitsIn, readJsonLines, SPLITS, type Split, type Splits } from '../corpusFiles';

export { SPLITS, type Split } from '../corpusFiles';

/*
 * The question corpus (tests/knowledge/corpus/): questions written blind by separate writers (one JSON
 * Lines file each), the answer a different helper mapped each one to (answers/<writer>.jsonl, line for
 * line), and the split by writer into train, dev and a frozen test split (splits.json).
 */

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

export function questionCorpusDir(repoRoot: string): string {
  return join(repoRoot, 'tests', 'knowledge', 'corpus');
}

export function loadQuestionSplits(repoRoot: string): Splits {
  return loadSplitsIn(questionCorpusDir(repoRoot));
}

/** One writer's questions with their mapped answers. */
export function loadQuestionWriter(repoRoot: string, writer: string, split: Split): CorpusQuestion[] {
  const dir = questionCorpusDir(repoRoot);
  const questions = readJsonLines(join(dir, `${writer}.jsonl`), questionSchema).map((l) => l.value);
  const answers = readJsonLines(join(dir, 'answers', `${writer}.jsonl`), answerSchema).map((l) => l.value);
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
  if (which.includes('test')) checkFrozen(questionCorpusDir(repoRoot), splits, splits.test.flatMap(frozenFiles));
  return which.flatMap((split) => splits[split].flatMap((writer) => loadQuestionWriter(repoRoot, writer, split)));
}
