import { z } from 'zod';

/**
 * What a member of staff may do: duty workers triage, managers also transfer, admins also manage accounts.
 * `partnership` is apart: the partnership's analysts see the anonymous indicators for every area and no
 * concern at all.
 */
export const STAFF_ROLES = ['duty', 'manager', 'admin', 'partnership'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The agency a partnership account is recorded under: no agency's queue, since it sees no concern. */
export const PARTNERSHIP_AGENCY = 'partnership';

/** The roles that work concerns, each including the one before: the roles an agency's admin can give. */
export const CONCERN_ROLES = ['duty', 'manager', 'admin'] as const satisfies readonly StaffRole[];

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

/** True when the role includes `needed` (admin ⊃ manager ⊃ duty; partnership only itself). */
export function hasRole(role: StaffRole, needed: StaffRole): boolean {
  if (role === 'partnership' || needed === 'partnership') return role === needed;
  return CONCERN_ROLES.indexOf(role as (typeof CONCERN_ROLES)[number]) >= CONCERN_ROLES.indexOf(needed as (typeof CONCERN_ROLES)[number]);
}

/** True when the role may see concerns at all (every role but partnership). */
export function seesConcerns(role: StaffRole): boolean {
  return role !== 'partnership';
}
