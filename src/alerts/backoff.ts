/** How long to wait between delivery attempts. */
export interface Backoff {
  /** Wait after the first failed attempt (at most; jitter may halve it). */
  baseMs: number;
  /** Longest wait, whatever the attempt or a Retry-After asks. */
  maxMs: number;
}

/**
 * Wait before the next attempt after `failures` failed ones: baseMs doubled per failure, capped at
 * maxMs, with "equal jitter" (somewhere between half and all of it). Jitter spreads out the retries of
 * alerts that failed together; keeping the lower half means that, below the cap, each wait is at least
 * as long as the one before. At the cap the wait stays between maxMs/2 and maxMs.
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number = Math.random): number {
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** A Retry-After header (seconds, or an HTTP date) in ms from `nowMs`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  // An HTTP date starts with the day's name; without the check Date.parse would read "-5" as a year.
  if (!/^[A-Za-z]/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}
