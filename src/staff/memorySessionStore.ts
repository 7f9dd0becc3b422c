import { checkTimeouts, newToken, remainingMs, tokenHash, type Session, type SessionStore, type SessionTimeouts } from './sessionStore';

/** Sessions in this process's memory (no Redis): lost on restart, which signs everyone out. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly timeouts: SessionTimeouts;

  constructor(timeouts: SessionTimeouts) {
    this.timeouts = checkTimeouts(timeouts);
  }

  async create(staffId: string, now: Date): Promise<{ token: string; session: Session }> {
    this.sweep(now);
    const token = newToken();
    const at = now.toISOString();
    const session: Session = { staffId, csrfToken: newToken(), createdAt: at, lastSeenAt: at };
    this.sessions.set(tokenHash(token), session);
    return { token, session: { ...session } };
  }

  async get(token: string, now: Date): Promise<Session | undefined> {
    const hash = tokenHash(token);
    const session = this.sessions.get(hash);
    if (!session) return undefined;
    if (remainingMs(session, now, this.timeouts) <= 0) {
      this.sessions.delete(hash);
      return undefined;
    }
    session.lastSeenAt = now.toISOString();
    return { ...session };
  }

  async destroy(token: string): Promise<void> {
    this.sessions.delete(tokenHash(token));
  }

  async destroyAllFor(staffId: string): Promise<number> {
    let ended = 0;
    for (const [hash, session] of this.sessions) {
      if (session.staffId !== staffId) continue;
      this.sessions.delete(hash);
      ended++;
    }
    return ended;
  }

  /** Drops sessions that are over, so that abandoned ones do not pile up. */
  private sweep(now: Date): void {
    for (const [hash, session] of this.sessions) {
      if (remainingMs(session, now, this.timeouts) <= 0) this.sessions.delete(hash);
    }
  }
}
