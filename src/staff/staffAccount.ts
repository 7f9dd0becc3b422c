import { z } from 'zod';

/** What a member of duty staff may do: duty workers triage, managers also transfer, admins also manage accounts. */
export const STAFF_ROLES = ['duty', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A sign-in name: lower-case letters, digits and hyphens (made by `staff add` from the name). */
export const STAFF_ID = /^[a-z0-9][a-z0-9-]{2,62}$/;

export const staffAccountSchema = z.strictObject({
  id: z.string().regex(STAFF_ID),
  /** The agency whose queue this person works (content/agencies.yaml). */
  agency: z.string().min(1),
  /** Shown in the console and audit trail to colleagues. */
  name: z.string().min(1).max(100),
  role: z.enum(STAFF_ROLES),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});

/** One member of staff, as listed (never with the credential's hash). */
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** True when the role includes `needed` (admin ⊃ manager ⊃ duty). */
export function hasRole(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}
