import { addDays, weekdayOf } from '../calendar/londonClock';
import { fillTemplate } from '../content/template';
import type { DayWords } from './frontDoorAdviceContent';
import { DAYS, type Day } from './frontDoorDirectory';
import { minutesOf } from './officeHours';

/** "17:15" → "5:15pm", "17:00" → "5pm", "08:30" → "8:30am". */
export function clockPhrase(hhmm: string): string {
  const minutes = minutesOf(hhmm);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** The days an office takes calls: "on weekdays", "on Fridays", "on Mondays, Wednesdays and Fridays". */
export function daysPhrase(days: readonly Day[], words: DayWords): string {
  if (days.length === 5 && DAYS.slice(0, 5).every((d) => days.includes(d))) return words.weekdays;
  const names = days.map((d) => words.every[d]);
  const last = names.at(-1) ?? '';
  const list = names.length > 1 ? fillTemplate(words.lastOfList, { list: names.slice(0, -1).join(', '), last }) : last;
  return fillTemplate(words.onDays, { days: list });
}

/** `day` as seen from `today`: "today", "tomorrow", "on Monday", or further off "on Monday 4 January". */
export function dayPhrase(today: string, day: string, words: DayWords): string {
  if (day === today) return words.today;
  if (day === addDays(today, 1)) return words.tomorrow;
  const name = words.names[DAYS[weekdayOf(day) - 1] ?? 'mon'];
  if (day <= addDays(today, 6)) return fillTemplate(words.thisWeek, { day: name });
  const date = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return fillTemplate(words.later, { day: name, date });
}
