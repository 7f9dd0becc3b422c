import type { Caller } from '../caller';

/** A signed-in console session: who, and the token every form that changes anything must carry. */
export interface ConsoleSession {
  caller: Caller;
  csrfToken: string;
}

export type SignInResult =
  | { ok: true; session: ConsoleSession; /** Set-Cookie header value */ cookie: string }
  | { ok: false; reason: 'wrong' | 'locked'; retryAfterSeconds: number };

/** How staff prove who they are: a session cookie in the console, a Bearer token for integrations. */
export interface StaffAuth {
  /**
   * Signs in with a sign-in name and password (slowed, then refused, after repeated failures: per name
   * from one client address, so that guesses from elsewhere cannot lock the real person out; and per
   * client address, more loosely, since an office may share one).
   */
  signIn(name: string, password: string, clientKey: string): Promise<SignInResult>;
  /** The session the request's cookie names, if it is live and its account enabled. */
  fromCookie(cookieHeader: string | undefined): Promise<ConsoleSession | undefined>;
  /**
   * The caller an `Authorization: Bearer cs_<id>_<secret>` API token names, if it is live and its account
   * enabled (a console password is never a Bearer credential). Slowed and then refused after repeated
   * failures, counted like sign-ins: per token from this client, and per client. Every failure is audited.
   */
  fromBearer(authorization: string | undefined, clientKey: string): Promise<Caller | undefined>;
  /** Ends the cookie's session; returns the Set-Cookie value that clears it in the browser. */
  signOut(cookieHeader: string | undefined): Promise<string>;
  /** True when the submitted token matches the session's (constant-time). */
  csrfMatches(session: ConsoleSession, submitted: unknown): boolean;
}
