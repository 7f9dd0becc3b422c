import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import type { Concern } from '../concerns/concern';
import { dueTime, type DueTimeRules } from './dueTime';
import type { Claim } from '../concerns/triageRecord';

/** The clock duty staff work to: the due time rules and the holidays they skip. */
export interface TriageClock {
  holidays: BankHolidayCalendar;
  rules: DueTimeRules;
}

/** When a decision is due: from receipt, or from the latest transfer to the agency holding it now. */
export function dueAt(concern: Concern, clock: TriageClock): Date {
  const from = new Date(concern.triage.clockFrom ?? concern.receivedAt);
  return dueTime(from, concern.urgent, clock.holidays, clock.rules);
}

/** Past its due time with no decision recorded, and not closed. */
export function isOverdue(concern: Concern, clock: TriageClock, now: Date): boolean {
  return concern.status !== 'closed' && concern.triage.outcome === null && now.getTime() > dueAt(concern, clock).getTime();
}

/** The claim, if it is still held (a claim past its time has lapsed: the concern is back in the queue). */
export function activeClaim(claim: Claim | null, now: Date): Claim | null {
  return claim && Date.parse(claim.until) > now.getTime() ? claim : null;
}
