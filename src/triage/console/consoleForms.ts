import { z } from 'zod';
import { CONCERN_STATUSES } from '../../concerns/concern';
import { HttpError } from '../../http/httpError';
import { NOTE_LIMIT, OUTCOME_CATEGORIES, QUESTION_LIMIT, RATIONALE_LIMIT, REASON_LIMIT, RISK_RATINGS } from '../triageRecord';
import type { QueueFilter } from '../triageService';
import { DONE_MESSAGES, type DoneCode } from './concernPage';
import { FIELD_IDS } from './concernActions';
import type { PageError } from './govukParts';

/** Every console form, parsed strictly: a field we did not put in the form is a 400, not ignored. */

const csrf = z.string();
const text = (what: string, limit: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(limit, `Keep ${what} to ${limit} characters or fewer`);

export const signInFormSchema = z.strictObject({
  name: z.string().trim().max(100),
  password: z.string().max(200),
});

export const actionFormSchemas = {
  claim: z.strictObject({ csrf }),
  release: z.strictObject({ csrf }),
  notes: z.strictObject({ csrf, text: text('a note', NOTE_LIMIT) }),
  question: z.strictObject({ csrf, text: text('a question', QUESTION_LIMIT) }),
  outcome: z.strictObject({
    csrf,
    category: z.enum(OUTCOME_CATEGORIES, { error: 'Choose a category' }),
    rag: z.enum(RISK_RATINGS, { error: 'Choose a risk rating' }),
    rationale: text('a rationale', RATIONALE_LIMIT),
  }),
  transfer: z.strictObject({
    csrf,
    to: z.string({ error: 'Choose an agency' }).min(1, 'Choose an agency'),
    reason: text('a reason', REASON_LIMIT),
  }),
  close: z.strictObject({ csrf }),
} as const;
export type ActionName = keyof typeof actionFormSchemas;

/** A form that failed its schema: the problems to show beside each control. Unknown fields are a 400. */
export function formErrors(action: ActionName, error: z.ZodError): PageError[] {
  if (error.issues.some((i) => i.code === 'unrecognized_keys' || i.path[0] === 'csrf')) {
    throw new HttpError(400, 'bad_request', 'The form has fields it should not have.');
  }
  const ids = FIELD_IDS[action] ?? {};
  return error.issues.map((i) => ({ text: i.message, field: ids[String(i.path[0])] }));
}

/** The fields of a refused form, by control id, to show them again (never the CSRF token). */
export function refusedValues(action: ActionName, fields: Record<string, string>): Record<string, string> {
  const ids = FIELD_IDS[action] ?? {};
  return Object.fromEntries(Object.entries(ids).flatMap(([name, id]) => (fields[name] === undefined ? [] : [[id, fields[name]]])));
}

const yesNo = z
  .enum(['', 'yes', 'no'])
  .optional()
  .transform((v) => (v === 'yes' ? true : v === 'no' ? false : undefined));

export const queueQuerySchema = z.strictObject({
  status: z.enum(['', ...CONCERN_STATUSES]).optional(),
  urgent: yesNo,
  overdue: yesNo,
  done: z.enum(['transferred']).optional(),
});

export function queueFilterOf(query: z.infer<typeof queueQuerySchema>): QueueFilter {
  const filter: QueueFilter = {};
  if (query.status) filter.status = query.status;
  if (query.urgent !== undefined) filter.urgent = query.urgent;
  if (query.overdue !== undefined) filter.overdue = query.overdue;
  return filter;
}

export const concernQuerySchema = z.strictObject({
  done: z.enum(Object.keys(DONE_MESSAGES) as [DoneCode, ...DoneCode[]]).optional(),
});

export const signInQuerySchema = z.strictObject({ 'signed-out': z.literal('1').optional() });

/** Parses a page's query string strictly; anything unexpected is a 400. */
export function parseQuery<T extends z.ZodType>(schema: T, url: string | undefined): z.infer<T> {
  const params = new URL(url ?? '/', 'http://console.invalid').searchParams;
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'That address has something in it we do not recognise.');
  return parsed.data;
}
