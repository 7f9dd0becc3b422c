import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { addDays, londonMidnight, londonTime } from '../calendar/londonClock';

export interface DueTimeRules {
  /** Working days allowed to acknowledge and decide next steps (statutory guidance: one). */
  workingDays: number;
  /** Minutes allowed for an urgent concern, at any hour of any day. */
  urgentMinutes: number;
}

export const DEFAULT_DUE_RULES: DueTimeRules = { workingDays: 1, urgentMinutes: 60 };

const DAY_MS = 86_400_000;

/**
 * When a concern must have been acknowledged and a decision made. Urgent: `urgentMinutes` after receipt,
 * whatever the day. Otherwise the clock runs only on working days in England (Monday to Friday, not a
 * bank holiday, by London's calendar): received Friday 16:00, due Monday 16:00; received on Saturday,
 * the clock starts at midnight on Monday, so due at the end of Monday.
 */
export function dueTime(receivedAt: Date, urgent: boolean, holidays: BankHolidayCalendar, rules: DueTimeRules = DEFAULT_DUE_RULES): Date {
  if (urgent) return new Date(receivedAt.getTime() + rules.urgentMinutes * 60_000);
  let remaining = rules.workingDays * DAY_MS;
  let at = receivedAt.getTime();
  // Bounded: even a long run of holidays ends within a few weeks.
  for (let guard = 0; guard < 366; guard += 1) {
    const day = londonTime(new Date(at)).isoDate;
    const dayEnd = londonMidnight(addDays(day, 1)).getTime();
    if (isWorkingDay(day, holidays)) {
      if (remaining <= dayEnd - at) return new Date(at + remaining);
      remaining -= dayEnd - at;
    }
    at = dayEnd;
  }
  throw new Error('dueTime: no working day found within a year');
}

/** Monday to Friday, and not a bank holiday in England and Wales. */
export function isWorkingDay(isoDate: string, holidays: BankHolidayCalendar): boolean {
  const weekday = londonTime(londonMidnight(isoDate)).weekday;
  return weekday <= 5 && !holidays.isBankHoliday(isoDate);
}
