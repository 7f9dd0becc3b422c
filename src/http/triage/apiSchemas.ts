import { z } from 'zod';
import { CONCERN_STATUSES } from '../../concerns/concern';
import { STAFF_ROLES } from '../../staff/staffAccount';
import { NOTE_LIMIT, OUTCOME_CATEGORIES, QUESTION_LIMIT, RATIONALE_LIMIT, REASON_LIMIT, RISK_RATINGS } from '../../triage/triageRecord';

/** Free text from staff: trimmed, not empty, at most `limit` characters. */
const text = (limit: number) => z.string().trim().min(1).max(limit);
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/triage/concerns?status=&urgent=&overdue= (unknown parameters are refused). */
export const queueQuerySchema = z.strictObject({
  status: z.enum(CONCERN_STATUSES).optional(),
  urgent: yesNo.optional(),
  overdue: yesNo.optional(),
});

/** claim, release and close take no fields (an empty body is fine). */
export const emptyBodySchema = z.strictObject({});
export const noteBodySchema = z.strictObject({ text: text(NOTE_LIMIT) });
export const questionBodySchema = z.strictObject({ text: text(QUESTION_LIMIT) });
export const outcomeBodySchema = z.strictObject({
  category: z.enum(OUTCOME_CATEGORIES),
  rag: z.enum(RISK_RATINGS),
  rationale: text(RATIONALE_LIMIT),
});
export const transferBodySchema = z.strictObject({ to: z.string().regex(/^[a-z0-9-]{1,64}$/), reason: text(REASON_LIMIT) });

/** The body each action on a concern takes: the routes parse with these, the OpenAPI document shows them. */
export const actionBodySchemas = {
  claim: emptyBodySchema,
  release: emptyBodySchema,
  notes: noteBodySchema,
  question: questionBodySchema,
  outcome: outcomeBodySchema,
  transfer: transferBodySchema,
  close: emptyBodySchema,
} as const;

export const newStaffBodySchema = z.strictObject({ name: text(100), role: z.enum(STAFF_ROLES).default('duty') });
