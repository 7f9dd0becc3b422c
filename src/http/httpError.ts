import type { Response } from 'restify';

/** An error with a status and a short reason that is safe to show the caller. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The one place errors become responses. Unknown errors get a generic 500 with no internals. */
export function sendError(res: Response, err: unknown): void {
  if (res.headersSent) return;
  const body =
    err instanceof HttpError
      ? { error: err.code, reason: err.reason }
      : { error: 'internal_error', reason: 'Something went wrong. Please try again.' };
  res.status(err instanceof HttpError ? err.status : 500);
  res.json(body);
}
