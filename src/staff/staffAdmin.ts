import type { AuditLog } from '../audit/auditEntry';
import type { ApiTokenStore } from './apiTokenStore';
import { hashPassword, newCredential } from './passwords';
import type { StaffAccount, StaffRole } from './staffAccount';
import { newStaffId } from './staffCli';
import { StaffExistsError, type StaffStore } from './staffStore';

export interface StaffAdminDeps {
  staff: StaffStore;
  audit: AuditLog;
  /** Ends an account's console sessions (absent where sessions live in another process's memory). */
  endSessions?: (staffId: string) => Promise<number>;
}

/** Who made the change: an admin's staff id, or null for the operator's CLI. */
export type Actor = string | null;

/**
 * Makes an account and its password; the password is returned once and only its hash is kept. The audit
 * entry is written before the password is handed out, so an account nobody can see being made is unusable.
 */
export async function addStaffAccount(
  deps: StaffAdminDeps,
  request: { agency: string; name: string; role: StaffRole },
  actor: Actor,
  now: Date,
): Promise<{ account: StaffAccount; password: string }> {
  const password = newCredential();
  const passwordHash = await hashPassword(password);
  const createdAt = now.toISOString();
  let account: StaffAccount | undefined;
  // The id's random part makes a clash rare; try again rather than fail.
  for (let attempt = 0; attempt < 5 && !account; attempt++) {
    const candidate: StaffAccount = { id: newStaffId(request.name), ...request, createdAt, disabledAt: null };
    try {
      await deps.staff.add(candidate, passwordHash);
      account = candidate;
    } catch (err) {
      if (!(err instanceof StaffExistsError)) throw err;
    }
  }
  if (!account) throw new Error('could not find a free sign-in name; try again');
  const detail = { account: account.id, role: account.role };
  await deps.audit.append({ at: createdAt, staffId: actor, agency: account.agency, action: 'staff-add', ref: null, detail });
  return { account, password };
}

/** Disabling also revokes the account's API tokens, so the store of tokens is needed too. */
export type StaffDisableDeps = StaffAdminDeps & { tokens: ApiTokenStore };

/** Disables an account, ends its sessions and revokes its API tokens; undefined when there is no such account. */
export async function disableStaffAccount(
  deps: StaffDisableDeps,
  id: string,
  actor: Actor,
  now: Date,
): Promise<{ account: StaffAccount; sessionsEnded: number | undefined; tokensRevoked: number; already: boolean } | undefined> {
  const record = await deps.staff.get(id);
  if (!record) return undefined;
  if (record.account.disabledAt !== null) return { account: record.account, sessionsEnded: 0, tokensRevoked: 0, already: true };
  const account = (await deps.staff.disable(id, now)) ?? record.account;
  const sessionsEnded = await deps.endSessions?.(id);
  const tokensRevoked = await deps.tokens.revokeAllFor(id, now);
  const detail = { account: id, ...(sessionsEnded === undefined ? {} : { sessionsEnded: String(sessionsEnded) }), tokensRevoked: String(tokensRevoked) };
  await deps.audit.append({ at: now.toISOString(), staffId: actor, agency: account.agency, action: 'staff-disable', ref: null, detail });
  return { account, sessionsEnded, tokensRevoked, already: false };
}
