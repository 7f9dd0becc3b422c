import { z } from 'zod';
import { CONCERN_STATUSES } from '../../concerns/concern';
import { cursorParam } from '../../concerns/concernIndex';
import { QUEUE_PAGE_MAX } from '../triageService';
import { CONCERN_ROLES } from '../../staff/staffAccount';

/** The API's own bodies and queries; each staff command's body is in its catalogue entry (staffCommands.ts). */

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * GET /api/triage/concerns?status=&urgent=&overdue=&limit=&cursor= (unknown parameters are refused):
 * `cursor` is the `next` a previous page gave.
 */
export const queueQuerySchema = z.strictObject({
  status: z.enum(CONCERN_STATUSES).optional(),
  urgent: yesNo.optional(),
  overdue: yesNo.optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(QUEUE_PAGE_MAX))
    .optional(),
  cursor: cursorParam.optional(),
});

/** A change that takes no fields (an empty body is fine). */
export const emptyBodySchema = z.strictObject({});

/** An agency's admin adds its own staff; a partnership account is made by the operator (npm run staff). */
export const newStaffBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(CONCERN_ROLES).default('duty') });
