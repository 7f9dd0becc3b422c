import type { Html } from '../../http/html';
import { HttpError } from '../../http/httpError';
import { REFUSAL_STATUS } from '../../http/refusal';
import { setStaffSecurityHeaders } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import { TriageError } from '../triageErrors';
import { errorPage } from './errorPage';
import type { SignedIn } from './layout';

export type ConsoleRequest = Parameters<Route['handler']>[0];
export type ConsoleResponse = Parameters<Route['handler']>[1];

/** What a handler learned about the request that an error page needs too. */
export interface RequestState {
  signedIn?: SignedIn;
}

type ConsoleHandler = (req: ConsoleRequest, res: ConsoleResponse, state: RequestState) => Promise<void>;

/** An HTML page with its status; the security headers are already set by `consoleHandler`. */
export function sendPage(res: ConsoleResponse, status: number, page: Html, headers: Record<string, string> = {}): void {
  const body = page.toString();
  res.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** 303 See Other: after a form post, and to the sign-in page. */
export function redirect(res: ConsoleResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { ...headers, Location: location, 'Content-Length': 0 });
  res.end();
}

/**
 * Wraps a console handler: security headers on every response, and the one place the console maps errors
 * to pages. Unknown errors go on to the server's handler, which logs them and answers with a generic 500.
 */
export function consoleHandler(handler: ConsoleHandler): Route['handler'] {
  return async (req, res) => {
    setStaffSecurityHeaders(res);
    const state: RequestState = {};
    try {
      await handler(req, res, state);
    } catch (err) {
      if (res.headersSent) throw err;
      if (err instanceof HttpError) {
        const reason = err.status === 404 ? err.reason : undefined;
        sendPage(res, err.status, errorPage({ status: err.status, signedIn: state.signedIn, reason }));
      } else if (err instanceof TriageError) {
        // The status each refusal gets when it is not shown on the concern page itself.
        const status = REFUSAL_STATUS[err.refusal];
        // A 404 keeps the standard wording: it must read the same for another agency's concern.
        const reason = err.refusal === 'not-found' ? undefined : err.reason;
        sendPage(res, status, errorPage({ status, signedIn: state.signedIn, reason }));
      } else {
        throw err;
      }
    }
  };
}
