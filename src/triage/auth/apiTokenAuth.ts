import { dayOf, parseApiToken, secretMatches, tokenRefusal } from '../../staff/apiToken';
import type { ApiTokenStore } from '../../staff/apiTokenStore';
import type { StaffAccount } from '../../staff/staffAccount';
import type { StaffStore } from '../../staff/staffStore';
import { gateKeys, type GateKeys, type SignInGate } from './signInGate';

export interface ApiTokenAuthDeps {
  tokens: ApiTokenStore;
  staff: StaffStore;
  gate: SignInGate;
  now: () => Date;
}

/**
 * Checks `Authorization: Bearer cs_<id>_<secret>` against the stored API tokens: only these open the JSON
 * API, never a console password. Each request reads the token and the account afresh, so revoking a token or
 * disabling its account counts at once. Every refusal looks the same to the caller and is audited
 * (`sign-in-failed`, `via: bearer`, with why, and the token's id when it names a real token, never the secret).
 * Failures are counted first and then answered slowly, as wrong passwords are; a good token is answered at
 * once (a 256-bit secret cannot be guessed, so its answer's timing tells nothing), so that a few failures
 * from an office's address do not slow every integration there.
 */
export class ApiTokenAuth {
  constructor(private readonly deps: ApiTokenAuthDeps) {}

  /** The enabled account the header's token belongs to, or undefined. */
  async verify(authorization: string | undefined, clientKey: string): Promise<StaffAccount | undefined> {
    const now = this.deps.now();
    const { gate } = this.deps;
    const presented = parseApiToken(authorization);
    if (!presented) {
      // Not a token at all (an old "<name>.<password>", a typo): a guess, counted against the address.
      const keys = { client: gateKeys.client(clientKey) };
      const entry = await gate.enter(keys, now);
      if (entry.allowed) await this.refuse(keys, now, { via: 'bearer', reason: 'malformed' }, entry.delayMs);
      return undefined;
    }
    const { id, secret } = presented;
    const keys = { own: gateKeys.token(id, clientKey), client: gateKeys.client(clientKey) };
    const entry = await gate.enter(keys, now);
    if (!entry.allowed) return undefined;
    const record = await this.deps.tokens.get(id);
    if (!record || !secretMatches(id, secret, record.secretHash)) {
      await this.refuse(keys, now, record ? { via: 'bearer', reason: 'wrong', token: id } : { via: 'bearer', reason: 'unknown' }, entry.delayMs);
      return undefined;
    }
    const account = (await this.deps.staff.get(record.token.staffId))?.account;
    const refusal = tokenRefusal(record.token, now) ?? (account && account.disabledAt === null ? undefined : 'disabled');
    if (refusal || !account) {
      // The secret is right, so this is no guess: it counts against the token only, never the address (an
      // integration still polling with an expired token must not lock an office's staff out of the console).
      await this.refuse({ own: keys.own }, now, { via: 'bearer', reason: refusal ?? 'disabled', token: id }, entry.delayMs);
      return undefined;
    }
    if (entry.slowed) await gate.succeeded(keys);
    const today = dayOf(now);
    if (record.token.lastUsedDay !== today) await this.deps.tokens.markUsed(id, today);
    return account;
  }

  /** Counts and audits the failure before waiting, so that a caller who gives up early is still counted. */
  private async refuse(keys: GateKeys, now: Date, detail: Record<string, string>, delayMs: number): Promise<void> {
    await this.deps.gate.failed(keys, now, detail);
    await this.deps.gate.wait(delayMs);
  }
}
