import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { londonTime } from '../calendar/londonClock';
import { isWorkingDay } from './dueTime';

/** An agency's working hours on a working day, "HH:MM" London time: from `opens` until (not including) `closes`. */
export interface WorkingHours {
  opens: string;
  closes: string;
}

/**
 * Whether `at` is in working hours: a working day by the triage clock (Monday to Friday, not an England
 * and Wales bank holiday from content/bank-holidays.yaml, London's calendar), from `opens` until `closes`.
 */
export function isInWorkingHours(at: Date, hours: WorkingHours, holidays: BankHolidayCalendar): boolean {
  const time = londonTime(at);
  return isWorkingDay(time.isoDate, holidays) && time.minutes >= minutesOf(hours.opens) && time.minutes < minutesOf(hours.closes);
}

/** "17:15" → minutes since midnight. */
function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
