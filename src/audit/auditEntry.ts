import { z } from 'zod';
import { COMMAND_AUDIT_ACTIONS } from '../triage/staffCommands';

/** Everything staff can do that the audit trail records: signing in and out, reading, the staff commands, accounts. */
export const AUDIT_ACTIONS = ['sign-in', 'sign-in-failed', 'sign-out', 'view', 'refused', ...COMMAND_AUDIT_ACTIONS, 'staff-add', 'staff-disable', 'token-issued', 'token-revoked'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One line of the append-only audit trail: who, what, when, and on which concern. `detail` holds only
 * closed values (an outcome category, a risk rating, the agency transferred to, a staff id), never text
 * anyone wrote: no concern text, no note, no rationale, no reason.
 */
export const auditEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  /** The staff id who acted (or, for a failed sign-in, null: the name typed may be a mistyped password). */
  staffId: z.string().max(64).nullable(),
  /** The acting person's agency (for a concern action: the agency that held it at the time). */
  agency: z.string().max(64).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  ref: z.string().max(32).nullable(),
  detail: z.record(z.string().max(40), z.string().max(80)),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The append-only audit trail. Entries are never changed or deleted through this interface. */
export interface AuditLog {
  /** Resolves once the entry is durably stored. */
  append(entry: AuditEntry): Promise<void>;
  /** Every entry about one concern, oldest first. */
  forRef(ref: string): Promise<AuditEntry[]>;
  /** The most recent entries across all concerns and accounts, newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}
