import type { Response } from 'restify';
import { isStoreUnavailable } from '../storage/storeUnavailable';
import { isRefusal, REFUSAL_STATUS } from './refusal';

/** An error with a status and a short reason that is safe to show the caller. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    /** Headers the answer needs (WWW-Authenticate on a 401, Retry-After on a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(reason);
  }
}

/**
 * A domain refusal as the HTTP error it is answered with, a store that cannot be reached just now as a 503
 * (try again: nothing is lost, it was never taken); anything else unchanged.
 */
export function asHttpError(err: unknown): unknown {
  if (isRefusal(err)) return new HttpError(REFUSAL_STATUS[err.refusal], err.code, err.reason);
  if (isStoreUnavailable(err)) {
    return new HttpError(503, 'unavailable', 'We are having trouble on our side just now. Please try again in a minute. If someone is in danger, call 999.', { 'Retry-After': '30' });
  }
  return err;
}

/** The one place errors become responses. Unknown errors get a generic 500 with no internals. */
export function sendError(res: Response, thrown: unknown): void {
  if (res.headersSent) return;
  const err = asHttpError(thrown);
  const body =
    err instanceof HttpError
      ? { error: err.code, reason: err.reason }
      : { error: 'internal_error', reason: 'Something went wrong. Please try again.' };
  if (err instanceof HttpError) for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  res.status(err instanceof HttpError ? err.status : 500);
  res.json(body);
}
