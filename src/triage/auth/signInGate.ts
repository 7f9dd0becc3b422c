import type { AuditLog } from '../../audit/auditEntry';
import type { LoginLimiter } from '../../staff/loginLimiter';

/**
 * The limiter keys of one attempt. `own` counts failures of one credential from one client address (a
 * sign-in name, or an API token's id); `client` counts every failure from that address. Either may be
 * absent: a Bearer header of no token's shape names no credential, and a genuine but revoked token is no
 * guess, so it does not count against the address.
 */
export interface GateKeys {
  own?: string;
  client?: string;
}

/** The limiters keep keys only as keyed hashes; the "name:", "token:" and "client:" forms cannot collide inside them. */
export const gateKeys = {
  name: (id: string, clientKey: string) => `name:${id}\u0000client:${clientKey}`,
  token: (tokenId: string, clientKey: string) => `token:${tokenId}\u0000client:${clientKey}`,
  client: (clientKey: string) => `client:${clientKey}`,
};

export interface SignInGateDeps {
  /** Failures per credential from one client address. */
  nameLimiter: LoginLimiter;
  /** Failures per client address (looser: an office may share one address). */
  clientLimiter: LoginLimiter;
  audit: AuditLog;
  /** Waits before answering a slowed attempt (tests pass a quick one). */
  sleep?: (ms: number) => Promise<void>;
}

/** The one gate every credential check passes, for console sign-ins and API tokens alike. */
export class SignInGate {
  constructor(private readonly deps: SignInGateDeps) {}

  /**
   * Refused while either key is locked out. Otherwise `delayMs`, from their recent failures, is how long to
   * wait before answering (see wait); `slowed`: the credential has recent failures to forget after a good check.
   */
  async enter(keys: GateKeys, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number; delayMs: number; slowed: boolean }> {
    const open = { allowed: true, retryAfterSeconds: 0, delayMs: 0 };
    const [own, client] = await Promise.all([
      keys.own === undefined ? open : this.deps.nameLimiter.check(keys.own, now),
      keys.client === undefined ? open : this.deps.clientLimiter.check(keys.client, now),
    ]);
    if (!own.allowed || !client.allowed) {
      return { allowed: false, retryAfterSeconds: Math.max(own.retryAfterSeconds, client.retryAfterSeconds), delayMs: 0, slowed: true };
    }
    return { allowed: true, retryAfterSeconds: 0, delayMs: Math.max(own.delayMs, client.delayMs), slowed: own.delayMs > 0 };
  }

  /** Waits before answering a slowed attempt. */
  wait(ms: number): Promise<void> {
    return (this.deps.sleep ?? sleep)(ms);
  }

  /** Counts a failed check against its keys and audits it as `sign-in-failed`, never with what was typed. */
  async failed(keys: GateKeys, now: Date, detail: Record<string, string>): Promise<void> {
    await Promise.all([
      keys.own === undefined ? undefined : this.deps.nameLimiter.fail(keys.own, now),
      keys.client === undefined ? undefined : this.deps.clientLimiter.fail(keys.client, now),
    ]);
    await this.deps.audit.append({ at: now.toISOString(), staffId: null, agency: null, action: 'sign-in-failed', ref: null, detail });
  }

  /** Forgets the credential's failures after a good check (the address's count stays). */
  async succeeded(keys: GateKeys): Promise<void> {
    if (keys.own !== undefined) await this.deps.nameLimiter.succeed(keys.own);
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
