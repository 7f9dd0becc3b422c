/** Day of the week, Monday = 1 … Sunday = 7 (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A moment as it reads on a wall clock in England (GMT in winter, BST in summer). */
export interface LondonTime {
  /** The local date, YYYY-MM-DD. */
  isoDate: string;
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The London wall-clock date, weekday and time of `at`; the caller supplies the clock. */
export function londonTime(at: Date): LondonTime {
  const parts = londonParts.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new Error(`londonTime: no ${type} in formatted date`);
    return found.value;
  };
  const isoDate = `${part('year')}-${part('month')}-${part('day')}`;
  return { isoDate, weekday: weekdayOf(isoDate), minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Builds a YYYY-MM-DD string; `month` is 1–12 and days past the month's end roll over. */
export function isoDateOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The date `n` days after (or, for negative `n`, before) `isoDate`. */
export function addDays(isoDate: string, n: number): string {
  return new Date(utcMidnight(isoDate) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekdayOf(isoDate: string): Weekday {
  const sundayZero = new Date(utcMidnight(isoDate)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as Weekday;
}

function utcMidnight(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The moment London's clocks read 00:00 on `isoDate` (23:00 UTC the day before in summer). */
export function londonMidnight(isoDate: string): Date {
  const utc = utcMidnight(isoDate);
  // London is UTC or UTC+1; clocks change at 01:00 UTC, never at midnight, so one of these two is right.
  for (const offsetMinutes of [60, 0]) {
    const candidate = new Date(utc - offsetMinutes * 60_000);
    const t = londonTime(candidate);
    if (t.isoDate === isoDate && t.minutes === 0) return candidate;
  }
  throw new Error(`londonMidnight: no midnight found for ${isoDate}`);
}
