import { z } from 'zod';
import { MONTH } from './indicatorMeasures';
import { MAX_MONTHS, monthAt, monthIndex, monthOf, monthsBetween } from './indicatorStore';

/** The months a report covers, both included (YYYY-MM). */
export interface Period {
  from: string;
  to: string;
}

/** Without a period: the last twelve months, this one included. */
export const DEFAULT_MONTHS = 12;

/** `?from=YYYY-MM&to=YYYY-MM`, both optional; any other parameter is refused. */
export const periodQuerySchema = z.strictObject({
  from: z.string().regex(MONTH, 'must be a month, YYYY-MM').optional(),
  to: z.string().regex(MONTH, 'must be a month, YYYY-MM').optional(),
});

/**
 * The period asked for, filled in from the defaults (to: this month; from: eleven months before `to`), or
 * the reason it cannot be reported (it ends before it starts, or is longer than MAX_MONTHS).
 */
export function periodOf(query: z.infer<typeof periodQuerySchema>, now: Date): { ok: true; period: Period } | { ok: false; problem: string } {
  const to = query.to ?? monthOf(now);
  const from = query.from ?? shiftMonth(to, -(DEFAULT_MONTHS - 1));
  try {
    monthsBetween(from, to);
    return { ok: true, period: { from, to } };
  } catch {
    return { ok: false, problem: from > to ? 'The period ends before it starts.' : `A period is at most ${MAX_MONTHS} months.` };
  }
}

/** The month `n` months after (or before, when negative) `month`. */
export function shiftMonth(month: string, n: number): string {
  return monthAt(monthIndex(month) + n);
}
