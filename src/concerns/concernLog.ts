import { z } from 'zod';
import { CONCERN_STATUSES, concernSchema, type Concern } from './concern';
import { CorruptConcernError } from './concernStoreErrors';
import { applyUpdate, type ConcernUpdate } from './concernUpdates';
import { triageRecordSchema } from './triageRecord';

/**
 * One line of the concern log the embedded default kept before its database (concerns.jsonl): a submitted
 * concern, or a change to one. Read once, at start-up, to import it (storage/importOldFiles.ts).
 */
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
    // Written by versions that kept per-agency streams; read and dropped.
    event: z.literal('transfer').nullable().optional(),
    question: z.strictObject({ id: z.string(), text: z.string() }).optional(),
  }),
]);

/** The line as the log had it: JSON and a newline, so that a torn write shows as a missing newline. */
export function encodeLine(line: LogLine): Buffer {
  return Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
}

/** What an old log still holds, read leniently for the one-time import: bad lines are counted, not fatal. */
export interface ReadableLog {
  concerns: Concern[];
  /** Complete lines that did not parse or did not apply (a torn last line is not counted). */
  skippedLines: number;
}

/**
 * Replays the log as far as it can: a line that does not parse, or a change that does not apply to the
 * concern as replayed so far, is skipped and counted, so that one bad line loses that line only.
 */
export function replayLeniently(content: Buffer): ReadableLog {
  const completeBytes = content.lastIndexOf(0x0a) + 1;
  const text = content.subarray(0, completeBytes).toString('utf8');
  const concerns = new Map<string, Concern>();
  let skippedLines = 0;
  (text === '' ? [] : text.slice(0, -1).split('\n')).forEach((raw, i) => {
    try {
      const line = parseLine(raw, i + 1);
      if (line.op === 'submit') {
        if (concerns.has(line.concern.ref)) throw new CorruptConcernError('stored twice');
        concerns.set(line.concern.ref, line.concern);
        return;
      }
      const { ref, ...update } = line;
      const current = concerns.get(ref);
      const next = current && applyUpdate(current, update);
      if (!next) throw new CorruptConcernError('does not apply');
      concerns.set(ref, next);
    } catch {
      skippedLines++;
    }
  });
  return { concerns: [...concerns.values()], skippedLines };
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
  if (parsed.data.op === 'triage') {
    const line = { ...parsed.data };
    delete line.event; // the old streams' event: nothing reads it now
    return line;
  }
  return parsed.data;
}
