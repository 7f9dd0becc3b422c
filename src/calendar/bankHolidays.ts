import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';
import { addDays, isoDateOf, weekdayOf } from './londonClock';

const holidaySchema = z.strictObject({ date: z.iso.date(), name: z.string().min(1) });

const fileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  added: z.array(holidaySchema).default([]),
  removed: z.array(holidaySchema).default([]),
});

/** One bank holiday: the day off (YYYY-MM-DD) and its name. */
export type BankHoliday = z.infer<typeof holidaySchema>;

/** One-off changes to the standing rules, as the content owner records them. */
export interface BankHolidayChanges {
  added: readonly BankHoliday[];
  removed: readonly BankHoliday[];
}

/** England and Wales bank holidays: the standing rules, corrected by content/bank-holidays.yaml. */
export class BankHolidayCalendar {
  private readonly added: readonly BankHoliday[];
  private readonly removed: ReadonlySet<string>;
  private readonly byYear = new Map<number, readonly BankHoliday[]>();

  constructor(extra: BankHolidayChanges) {
    for (const r of extra.removed) {
      const year = Number(r.date.slice(0, 4));
      if (!standingBankHolidays(year).some((h) => h.date === r.date)) {
        throw new ContentError(`bank holidays: removed ${r.date} is not a standing bank holiday`);
      }
    }
    this.added = extra.added;
    this.removed = new Set(extra.removed.map((r) => r.date));
    for (const a of extra.added) {
      if (this.holidaysIn(Number(a.date.slice(0, 4))).filter((h) => h.date === a.date).length > 1) {
        throw new ContentError(`bank holidays: added ${a.date} is already a bank holiday`);
      }
    }
  }

  static load(contentDir: string): BankHolidayCalendar {
    return new BankHolidayCalendar(loadYaml(join(contentDir, 'bank-holidays.yaml'), fileSchema));
  }

  isBankHoliday(isoDate: string): boolean {
    return this.holidaysIn(Number(isoDate.slice(0, 4))).some((h) => h.date === isoDate);
  }

  /** The year's bank holidays in date order, one-off changes applied. */
  holidaysIn(year: number): BankHoliday[] {
    let holidays = this.byYear.get(year);
    if (!holidays) {
      const standing = standingBankHolidays(year).filter((h) => !this.removed.has(h.date));
      const extra = this.added.filter((h) => h.date.startsWith(`${year}-`));
      holidays = [...standing, ...extra].sort((a, b) => a.date.localeCompare(b.date));
      this.byYear.set(year, holidays);
    }
    return [...holidays];
  }
}

/** The bank holidays England and Wales get every year by the standing rules, before any one-off change. */
export function standingBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  return [
    ...newYear(year),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmas(year),
  ];
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

function newYear(year: number): BankHoliday[] {
  const day = isoDateOf(year, 1, 1);
  const weekday = weekdayOf(day);
  if (weekday < 6) return [{ date: day, name: "New Year's Day" }];
  // A weekend New Year's Day moves to the Monday after it.
  return [{ date: addDays(day, weekday === 6 ? 2 : 1), name: "New Year's Day (substitute day)" }];
}

function christmas(year: number): BankHoliday[] {
  const day = isoDateOf(year, 12, 25);
  const substitute = (offset: number, name: string): BankHoliday => ({
    date: addDays(day, offset),
    name: `${name} (substitute day)`,
  });
  switch (weekdayOf(day)) {
    case 5: // Boxing Day is a Saturday.
      return [{ date: day, name: 'Christmas Day' }, substitute(3, 'Boxing Day')];
    case 6:
      return [substitute(2, 'Christmas Day'), substitute(3, 'Boxing Day')];
    case 7: // Boxing Day keeps the Monday; Christmas moves to the Tuesday.
      return [{ date: addDays(day, 1), name: 'Boxing Day' }, substitute(2, 'Christmas Day')];
    default:
      return [
        { date: day, name: 'Christmas Day' },
        { date: addDays(day, 1), name: 'Boxing Day' },
      ];
  }
}

function firstMonday(year: number, month: number): string {
  const first = isoDateOf(year, month, 1);
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = isoDateOf(year, month + 1, 0);
  return addDays(last, -((weekdayOf(last) + 6) % 7));
}
