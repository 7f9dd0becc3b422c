/**
 * The ways a domain refuses a request, each answered with one status. A domain error takes part by carrying
 * `refusal` (one of these kinds), `code` (a short machine word) and `reason` (safe to show the caller), so
 * that this layer needs to know nothing else about the domain that threw it.
 */
export const REFUSAL_STATUS = { 'not-found': 404, conflict: 409, forbidden: 403, invalid: 400 } as const;
export type RefusalKind = keyof typeof REFUSAL_STATUS;

/** A domain's refusal, as `isRefusal` recognises it. */
export interface Refusal extends Error {
  readonly refusal: RefusalKind;
  readonly code: string;
  readonly reason: string;
}

export function isRefusal(err: unknown): err is Refusal {
  if (!(err instanceof Error)) return false;
  const { refusal, code, reason } = err as Partial<Record<'refusal' | 'code' | 'reason', unknown>>;
  return typeof refusal === 'string' && Object.hasOwn(REFUSAL_STATUS, refusal) && typeof code === 'string' && typeof reason === 'string';
}
