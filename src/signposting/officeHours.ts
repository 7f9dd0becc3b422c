import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { addDays, weekdayOf, type LondonTime } from '../calendar/londonClock';
import { DAYS, type FrontDoor, type OfficeHours } from './frontDoorDirectory';

/** Today's office hours, or undefined when the office is shut all day (weekend, bank holiday). */
export function officeHoursOn(door: FrontDoor, isoDate: string, holidays: BankHolidayCalendar): OfficeHours | undefined {
  if (holidays.isBankHoliday(isoDate)) return undefined;
  const day = DAYS[weekdayOf(isoDate) - 1];
  return door.hours.find((h) => day !== undefined && h.days.includes(day));
}

/** Whether the office takes calls at this London time; an unknown opening time counts as open. */
export function isOfficeOpen(door: FrontDoor, now: LondonTime, holidays: BankHolidayCalendar): boolean {
  const hours = officeHoursOn(door, now.isoDate, holidays);
  if (!hours) return false;
  return (hours.opens === undefined || now.minutes >= minutesOf(hours.opens)) && now.minutes < minutesOf(hours.closes);
}

/** The next day the office opens after `now` (today if it has not opened yet), within a fortnight. */
export function nextOpening(
  door: FrontDoor,
  now: LondonTime,
  holidays: BankHolidayCalendar,
): { isoDate: string; hours: OfficeHours } | undefined {
  const today = officeHoursOn(door, now.isoDate, holidays);
  if (today?.opens !== undefined && now.minutes < minutesOf(today.opens)) return { isoDate: now.isoDate, hours: today };
  for (let n = 1; n <= 14; n += 1) {
    const isoDate = addDays(now.isoDate, n);
    const hours = officeHoursOn(door, isoDate, holidays);
    if (hours) return { isoDate, hours };
  }
  return undefined;
}

/** "17:15" → minutes since midnight. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
