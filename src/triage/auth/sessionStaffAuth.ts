import { timingSafeEqual } from 'node:crypto';
import type { AuditLog } from '../../audit/auditEntry';
import type { ApiTokenStore } from '../../staff/apiTokenStore';
import type { LoginLimiter } from '../../staff/loginLimiter';
import { verifyAgainstNothing, verifyPassword } from '../../staff/passwords';
import type { SessionStore } from '../../staff/sessionStore';
import type { StaffAccount } from '../../staff/staffAccount';
import type { StaffStore } from '../../staff/staffStore';
import type { Caller } from '../caller';
import { ApiTokenAuth } from './apiTokenAuth';
import { gateKeys, SignInGate } from './signInGate';
import type { StaffCookie } from './staffCookie';
import type { ConsoleSession, SignInResult, StaffAuth } from './staffAuth';

export interface SessionStaffAuthDeps {
  staff: StaffStore;
  sessions: SessionStore;
  /** API tokens: the only Bearer credential (never a console password). */
  tokens: ApiTokenStore;
  /** Failures per sign-in name (or API token) from one client address. */
  nameLimiter: LoginLimiter;
  /** Failures per client address (looser: an office may share one address). */
  clientLimiter: LoginLimiter;
  audit: AuditLog;
  cookie: StaffCookie;
  now: () => Date;
  /** Waits before answering a slowed attempt (tests pass a quick one). */
  sleep?: (ms: number) => Promise<void>;
}

/** StaffAuth over the staff, session, token and limiter stores; every sign-in and sign-out is audited. */
export class SessionStaffAuth implements StaffAuth {
  private readonly gate: SignInGate;
  private readonly tokens: ApiTokenAuth;

  constructor(private readonly deps: SessionStaffAuthDeps) {
    this.gate = new SignInGate(deps);
    this.tokens = new ApiTokenAuth({ tokens: deps.tokens, staff: deps.staff, gate: this.gate, now: deps.now });
  }

  async signIn(name: string, password: string, clientKey: string): Promise<SignInResult> {
    const id = name.trim().toLowerCase();
    const now = this.deps.now();
    const keys = { own: gateKeys.name(id, clientKey), client: gateKeys.client(clientKey) };
    const gate = await this.gate.enter(keys, now);
    if (!gate.allowed) return { ok: false, reason: 'locked', retryAfterSeconds: gate.retryAfterSeconds };
    await this.gate.wait(gate.delayMs);
    const account = await this.verify(id, password);
    if (!account) {
      await this.gate.failed(keys, now, {});
      return { ok: false, reason: 'wrong', retryAfterSeconds: 0 };
    }
    await this.gate.succeeded(keys);
    const { token, session } = await this.deps.sessions.create(account.id, now);
    await this.audit(account, 'sign-in');
    return { ok: true, session: { caller: callerOf(account), csrfToken: session.csrfToken }, cookie: this.deps.cookie.set(token) };
  }

  async fromCookie(cookieHeader: string | undefined): Promise<ConsoleSession | undefined> {
    const token = this.deps.cookie.read(cookieHeader);
    if (!token) return undefined;
    const session = await this.deps.sessions.get(token, this.deps.now());
    if (!session) return undefined;
    const record = await this.deps.staff.get(session.staffId);
    if (!record || record.account.disabledAt !== null) {
      await this.deps.sessions.destroy(token);
      return undefined;
    }
    return { caller: callerOf(record.account), csrfToken: session.csrfToken };
  }

  async fromBearer(authorization: string | undefined, clientKey: string): Promise<Caller | undefined> {
    const account = await this.tokens.verify(authorization, clientKey);
    return account ? callerOf(account) : undefined;
  }

  async signOut(cookieHeader: string | undefined): Promise<string> {
    const token = this.deps.cookie.read(cookieHeader);
    if (token) {
      const session = await this.deps.sessions.get(token, this.deps.now());
      await this.deps.sessions.destroy(token);
      const record = session && (await this.deps.staff.get(session.staffId));
      if (record) await this.audit(record.account, 'sign-out');
    }
    return this.deps.cookie.clear();
  }

  csrfMatches(session: ConsoleSession, submitted: unknown): boolean {
    if (typeof submitted !== 'string') return false;
    const a = Buffer.from(session.csrfToken);
    const b = Buffer.from(submitted);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The enabled account the password opens, or undefined; unknown names cost the same time as known ones. */
  private async verify(id: string, password: string): Promise<StaffAccount | undefined> {
    const record = await this.deps.staff.get(id);
    if (!record) {
      await verifyAgainstNothing(password);
      return undefined;
    }
    const ok = await verifyPassword(password, record.passwordHash);
    return ok && record.account.disabledAt === null ? record.account : undefined;
  }

  private audit(account: StaffAccount, action: 'sign-in' | 'sign-out'): Promise<void> {
    const at = this.deps.now().toISOString();
    return this.deps.audit.append({ at, staffId: account.id, agency: account.agency, action, ref: null, detail: {} });
  }
}

function callerOf(account: StaffAccount): Caller {
  return { staffId: account.id, agency: account.agency, role: account.role, name: account.name };
}
