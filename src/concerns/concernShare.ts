import { z } from 'zod';
import { REASON_LIMIT, triageRecordSchema } from './triageRecord';

/**
 * Another agency that has the concern as well as the one whose queue it was routed to: it has its own
 * triage record (claim, notes, decision, alerts, closing), and staff of each agency see who else has it.
 */
export const concernShareSchema = z.strictObject({
  agency: z.string().min(1),
  /** When it was shared. */
  at: z.iso.datetime(),
  /** 'routing' when content/agencies.yaml shared it on receipt; otherwise the manager's staff id. */
  by: z.string().min(1).max(64),
  /** The agency that shared it (null when routing did). */
  from: z.string().min(1).nullable(),
  /** Why, in the manager's words (null when routing did). */
  reason: z.string().min(1).max(REASON_LIMIT).nullable(),
  triage: triageRecordSchema,
});
export type ConcernShare = z.infer<typeof concernShareSchema>;

/** Who shared a concern when the routing did it, rather than a person. */
export const SHARED_BY_ROUTING = 'routing';
