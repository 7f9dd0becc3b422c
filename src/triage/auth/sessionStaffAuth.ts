import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuditLog } from '../../audit/auditEntry';
import type { LoginLimiter } from '../../staff/loginLimiter';
import { verifyAgainstNothing, verifyPassword } from '../../staff/passwords';
import type { SessionStore } from '../../staff/sessionStore';
import type { StaffAccount } from '../../staff/staffAccount';
import type { StaffStore } from '../../staff/staffStore';
import type { Caller } from '../caller';
import { parseBearer } from './bearerToken';
import type { StaffCookie } from './staffCookie';
import type { ConsoleSession, SignInResult, StaffAuth } from './staffAuth';

export interface SessionStaffAuthDeps {
  staff: StaffStore;
  sessions: SessionStore;
  /** Failures per sign-in name from one client address. */
  nameLimiter: LoginLimiter;
  /** Failures per client address (looser: an office may share one address). */
  clientLimiter: LoginLimiter;
  audit: AuditLog;
  cookie: StaffCookie;
  now: () => Date;
  /** Waits before answering a slowed attempt (tests pass a quick one). */
  sleep?: (ms: number) => Promise<void>;
}

/** A verified Bearer token is trusted this long before scrypt runs again (the account is still checked every time). */
const BEARER_CACHE_MS = 60_000;
const BEARER_CACHE_SIZE = 256;

/** StaffAuth over the staff, session and limiter stores; every sign-in and sign-out is audited. */
export class SessionStaffAuth implements StaffAuth {
  private readonly verifiedBearers = new Map<string, { id: string; until: number }>();

  constructor(private readonly deps: SessionStaffAuthDeps) {}

  async signIn(name: string, password: string, clientKey: string): Promise<SignInResult> {
    const id = name.trim().toLowerCase();
    const now = this.deps.now();
    const gate = await this.gate(id, clientKey, now);
    if (!gate.allowed) return { ok: false, reason: 'locked', retryAfterSeconds: gate.retryAfterSeconds };
    const account = await this.verify(id, password);
    if (!account) {
      await this.failed(gate.keys, now, {});
      return { ok: false, reason: 'wrong', retryAfterSeconds: 0 };
    }
    await this.deps.nameLimiter.succeed(gate.keys.name);
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
    const bearer = parseBearer(authorization);
    if (!bearer) return undefined;
    const cacheKey = createHash('sha256').update(`${bearer.id}.${bearer.password}`).digest('hex');
    const cached = this.verifiedBearers.get(cacheKey);
    if (cached && cached.until > Date.now()) {
      const record = await this.deps.staff.get(cached.id);
      return record && record.account.disabledAt === null ? callerOf(record.account) : undefined;
    }
    const now = this.deps.now();
    const gate = await this.gate(bearer.id, clientKey, now);
    if (!gate.allowed) return undefined;
    const account = await this.verify(bearer.id, bearer.password);
    if (!account) {
      await this.failed(gate.keys, now, { via: 'bearer' });
      return undefined;
    }
    await this.deps.nameLimiter.succeed(gate.keys.name);
    if (this.verifiedBearers.size >= BEARER_CACHE_SIZE) this.verifiedBearers.clear();
    this.verifiedBearers.set(cacheKey, { id: account.id, until: Date.now() + BEARER_CACHE_MS });
    return callerOf(account);
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

  /**
   * The limits every password check passes first, for sign-in and Bearer alike: refused while the name
   * (from this client) or the client is locked out; otherwise slowed by their recent failures.
   */
  private async gate(id: string, clientKey: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number; keys: { name: string; client: string } }> {
    // The limiters keep keys only as keyed hashes; "name:…" and "client:…" cannot collide inside them.
    const keys = { name: `name:${id}\u0000client:${clientKey}`, client: `client:${clientKey}` };
    const [byName, byClient] = await Promise.all([this.deps.nameLimiter.check(keys.name, now), this.deps.clientLimiter.check(keys.client, now)]);
    if (!byName.allowed || !byClient.allowed) {
      return { allowed: false, retryAfterSeconds: Math.max(byName.retryAfterSeconds, byClient.retryAfterSeconds), keys };
    }
    await (this.deps.sleep ?? sleep)(Math.max(byName.delayMs, byClient.delayMs));
    return { allowed: true, retryAfterSeconds: 0, keys };
  }

  /** Counts a failed password check against the name and the client, and audits it without the name typed. */
  private async failed(keys: { name: string; client: string }, now: Date, detail: Record<string, string>): Promise<void> {
    await Promise.all([this.deps.nameLimiter.fail(keys.name, now), this.deps.clientLimiter.fail(keys.client, now)]);
    await this.deps.audit.append({ at: now.toISOString(), staffId: null, agency: null, action: 'sign-in-failed', ref: null, detail });
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

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
