import type { AuditLog } from '../audit/auditEntry';
import { MAX_TOKEN_DAYS, newApiToken, type ApiToken } from './apiToken';
import { ApiTokenExistsError, type ApiTokenStore } from './apiTokenStore';
import type { Actor } from './staffAdmin';
import type { StaffStore } from './staffStore';

export interface ApiTokenAdminDeps {
  staff: StaffStore;
  tokens: ApiTokenStore;
  audit: AuditLog;
}

/** Why a token could not be issued: no such account, or it is disabled. */
export type IssueRefusal = 'no-account' | 'disabled';

/**
 * Issues an API token for an enabled account; the whole token is returned once and only its hash is kept.
 * The audit entry (the token's id, never the secret) is written before the token is handed out.
 */
export async function issueApiToken(
  deps: ApiTokenAdminDeps,
  request: { staffId: string; label: string; days: number },
  actor: Actor,
  now: Date,
): Promise<{ token: ApiToken; bearer: string } | { refused: IssueRefusal }> {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_TOKEN_DAYS) throw new Error(`days must be 1 to ${MAX_TOKEN_DAYS}`);
  const record = await deps.staff.get(request.staffId);
  if (!record) return { refused: 'no-account' };
  if (record.account.disabledAt !== null) return { refused: 'disabled' };
  for (let attempt = 0; attempt < 5; attempt++) {
    const made = newApiToken(record.account.id, request.label, request.days, now);
    try {
      await deps.tokens.add({ token: made.token, secretHash: made.secretHash });
    } catch (err) {
      // 60 random bits make a clash very rare; try again rather than fail.
      if (err instanceof ApiTokenExistsError) continue;
      throw err;
    }
    const detail = { account: record.account.id, token: made.token.id, expiresAt: made.token.expiresAt };
    await deps.audit.append({ at: now.toISOString(), staffId: actor, agency: record.account.agency, action: 'token-issued', ref: null, detail });
    return { token: made.token, bearer: made.bearer };
  }
  throw new Error('could not find a free token id; try again');
}

/** Revokes a token at once and audits it; undefined when there is no such token. */
export async function revokeApiToken(
  deps: ApiTokenAdminDeps,
  id: string,
  actor: Actor,
  now: Date,
): Promise<{ token: ApiToken; already: boolean } | undefined> {
  const before = await deps.tokens.get(id);
  if (!before) return undefined;
  if (before.token.revokedAt !== null) return { token: before.token, already: true };
  const token = (await deps.tokens.revoke(id, now)) ?? before.token;
  const agency = (await deps.staff.get(token.staffId))?.account.agency ?? null;
  await deps.audit.append({ at: now.toISOString(), staffId: actor, agency, action: 'token-revoked', ref: null, detail: { account: token.staffId, token: token.id } });
  return { token, already: false };
}
