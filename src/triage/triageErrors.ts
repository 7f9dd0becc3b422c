import type { Caller } from './caller';
import { seesConcerns } from '../staff/staffAccount';
/**
 * Why a triage request was refused. The kinds are those the HTTP layer answers (src/http/refusal.ts: 404,
 * 409, 403, 400), which recognises any error carrying `refusal`, `code` and `reason`, so it needs no import
 * of triage.
 */
export type TriageRefusal = 'not-found' | 'conflict' | 'forbidden' | 'invalid';

/**
 * A refusal with a reason safe to show the member of staff. "not-found" is also the answer for another
 * agency's concern, so that a reference in another queue cannot be told apart from one that does not exist.
 */
export class TriageError extends Error {
  override readonly name = 'TriageError';
  constructor(
    readonly refusal: TriageRefusal,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const notFound = () => new TriageError('not-found', 'not_found', 'There is no concern with that reference in your queue.');

export function isNotFound(err: unknown): boolean {
  return err instanceof TriageError && err.refusal === 'not-found';
}

/** A partnership account sees the indicators and no concern: every concern method and route refuses it (403). */
export function refuseWithoutConcerns(caller: Caller): void {
  if (!seesConcerns(caller.role)) throw new TriageError('forbidden', 'no_concerns', 'This account sees the indicators, not concerns.');
}
