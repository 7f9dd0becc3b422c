import { z } from 'zod';
import { CONCERN_STATUSES } from '../../concerns/concern';
import { STAFF_ROLES } from '../../staff/staffAccount';

/** The API's own bodies and queries; each staff command's body is in its catalogue entry (staffCommands.ts). */

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/triage/concerns?status=&urgent=&overdue= (unknown parameters are refused). */
export const queueQuerySchema = z.strictObject({
  status: z.enum(CONCERN_STATUSES).optional(),
  urgent: yesNo.optional(),
  overdue: yesNo.optional(),
});

/** A change that takes no fields (an empty body is fine). */
export const emptyBodySchema = z.strictObject({});

export const newStaffBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(STAFF_ROLES).default('duty') });
