import { z } from 'zod';
import { CONCERN_STATUSES, concernSchema, type Concern } from './concern';
import { CorruptConcernError } from './concernStoreErrors';
import type { ConcernUpdate } from './concernUpdates';
import { triageRecordSchema } from './triageRecord';

/** One line of the concern log: a submitted concern, or a change to one. */
export type LogLine = { op: 'submit'; concern: Concern } | (ConcernUpdate & { ref: string });

const isoTime = z.iso.datetime();
const lineSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('submit'), concern: concernSchema }),
  z.strictObject({ op: z.literal('addition'), ref: z.string(), text: z.string(), at: isoTime }),
  z.strictObject({ op: z.literal('question'), ref: z.string(), id: z.string(), text: z.string(), at: isoTime }),
  z.strictObject({ op: z.literal('answer'), ref: z.string(), questionId: z.string(), answer: z.string(), at: isoTime }),
  z.strictObject({ op: z.literal('status'), ref: z.string(), status: z.enum(CONCERN_STATUSES), at: isoTime }),
  z.strictObject({
    op: z.literal('triage'),
    ref: z.string(),
    at: isoTime,
    triage: triageRecordSchema,
    status: z.enum(CONCERN_STATUSES),
    agency: z.string().min(1),
    event: z.literal('transfer').nullable(),
    question: z.strictObject({ id: z.string(), text: z.string() }).optional(),
  }),
]);

/** The line as written to the file: JSON and a newline, so that a torn write shows as a missing newline. */
export function encodeLine(line: LogLine): Buffer {
  return Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
}

export interface ParsedLog {
  lines: LogLine[];
  /** Bytes up to the end of the last complete line; anything after it is a write torn by a crash. */
  completeBytes: number;
}

/**
 * Parses the log. Bytes after the last newline are a torn write and are left out; a complete line that
 * does not parse throws CorruptConcernError with its line number (and never its content).
 */
export function parseLog(content: Buffer): ParsedLog {
  const completeBytes = content.lastIndexOf(0x0a) + 1;
  const text = content.subarray(0, completeBytes).toString('utf8');
  const raw = text === '' ? [] : text.slice(0, -1).split('\n');
  const lines = raw.map((line, i) => parseLine(line, i + 1));
  return { lines, completeBytes };
}

function parseLine(line: string, lineNumber: number): LogLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new CorruptConcernError(`concern log line ${lineNumber}: not JSON`);
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new CorruptConcernError(`concern log line ${lineNumber}: not a concern log entry (${paths})`);
  }
  return parsed.data;
}
