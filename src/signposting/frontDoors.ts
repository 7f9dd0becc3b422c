import { join } from 'node:path';
import { z } from 'zod';
import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { addDays, londonTime, weekdayOf, type LondonTime } from '../calendar/londonClock';
import { ContentError, loadYaml } from '../content/loadYaml';
import { AREA_IDS, normalisePlace, type AreaId } from './areas';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const district = z.string().regex(/^(S|DN)\d{1,2}$/, 'expected a district like S6 or DN4');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

const contactSchema = z.strictObject({
  label: z.string().min(1),
  number: z.string().regex(/^\d[\d ]*\d$/, 'expected digits and spaces only'),
});

const hoursSchema = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1),
  // Left out when no source gives an opening time: the bot then never names one.
  opens: clockTime.optional(),
  closes: clockTime,
});

const frontDoorSchema = z
  .strictObject({
    label: z.string().min(1),
    number: contactSchema.shape.number.optional(),
    hours: z.array(hoursSchema).default([]),
    outOfHours: contactSchema.optional(),
    insteadOfNumber: z.array(contactSchema).min(2).optional(),
    sources: z.array(z.url()).min(1),
    owner: z.string().min(1),
    reviewed: z.iso.date(),
  })
  .refine((d) => (d.number ? d.hours.length > 0 && d.outOfHours && !d.insteadOfNumber : d.insteadOfNumber), {
    message: 'needs either number, hours and outOfHours, or (with no checked number) insteadOfNumber',
  });

const areaSchema = z.strictObject({
  id: z.enum(AREA_IDS),
  name: z.string().min(1),
  places: z.array(z.string().min(1)).min(1),
  shortForms: z.array(z.string().min(1)).default([]),
  postcodeDistricts: z.array(district),
  frontDoor: frontDoorSchema,
});

const sharedDistrictSchema = z.strictObject({
  district,
  areas: z.array(z.enum(AREA_IDS)).min(2),
  note: z.string().min(1),
});

const fileSchema = z.strictObject({ sharedDistricts: z.array(sharedDistrictSchema).default([]), areas: z.array(areaSchema) });

/** A postcode district that crosses a council border: a postcode there alone cannot say which area. */
export type SharedDistrict = z.infer<typeof sharedDistrictSchema>;

/** One council area: the words that name it and its children's services front door. */
export type AreaInfo = z.infer<typeof areaSchema>;
/** A council's children's services front door: who to ring, when, and where that comes from. */
export type FrontDoor = z.infer<typeof frontDoorSchema>;
/** Office hours on the listed days; `opens` is absent when no source gives it. */
export type OfficeHours = z.infer<typeof hoursSchema>;
/** Someone to ring: "the Safeguarding Hub", "0114 273 4855". */
export type Contact = z.infer<typeof contactSchema>;

/** The four South Yorkshire areas and their front doors, from content/front-doors.yaml. */
export class FrontDoorDirectory {
  private readonly byId: ReadonlyMap<AreaId, AreaInfo>;

  constructor(
    areas: readonly AreaInfo[],
    private readonly shared: readonly SharedDistrict[] = [],
  ) {
    const byId = new Map<AreaId, AreaInfo>();
    for (const area of areas) {
      if (byId.has(area.id)) throw new ContentError(`front doors: duplicate area ${area.id}`);
      byId.set(area.id, area);
    }
    const missing = AREA_IDS.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new ContentError(`front doors: missing area ${missing.join(', ')}`);
    assertNoSharedWords(areas);
    for (const d of shared) {
      const owner = areas.find((a) => a.postcodeDistricts.includes(d.district));
      if (owner) throw new ContentError(`front doors: ${d.district} is a shared district but also listed under ${owner.id}`);
    }
    this.byId = byId;
  }

  static load(contentDir: string): FrontDoorDirectory {
    const file = loadYaml(join(contentDir, 'front-doors.yaml'), fileSchema);
    return new FrontDoorDirectory(file.areas, file.sharedDistricts);
  }

  /** Districts that cross a council border, with the areas each one touches. */
  sharedDistricts(): readonly SharedDistrict[] {
    return this.shared;
  }

  /** All four areas, in alphabetical order. */
  areas(): AreaInfo[] {
    return AREA_IDS.map((id) => this.get(id));
  }

  get(id: AreaId): AreaInfo {
    const area = this.byId.get(id);
    if (!area) throw new Error(`front doors: unknown area ${id}`);
    return area;
  }
}

// A word or postcode district claimed by two areas could never pick one, so it is a content error.
function assertNoSharedWords(areas: readonly AreaInfo[]): void {
  const owner = new Map<string, AreaId>();
  for (const area of areas) {
    const words = [...area.places, ...area.shortForms].map(normalisePlace);
    for (const word of [...new Set([...words, ...area.postcodeDistricts.map((d) => d.toLowerCase())])]) {
      const other = owner.get(word);
      if (other) throw new ContentError(`front doors: "${word}" is listed under both ${other} and ${area.id}`);
      owner.set(word, area.id);
    }
  }
}

/** Today's office hours, or undefined when the office is shut all day (weekend, bank holiday). */
export function officeHoursOn(
  door: FrontDoor,
  isoDate: string,
  holidays: BankHolidayCalendar,
): OfficeHours | undefined {
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

/** What to tell someone about ringing an area's children's services right now. */
export interface FrontDoorAdvice {
  area: AreaId;
  areaName: string;
  status: 'open' | 'closed' | 'unknown-number';
  /** The number to ring now. */
  ringNow?: Contact;
  /** A second number: if no one answers, or (with no checked number) another place to ring. */
  fallback?: Contact;
  /** Plain English, under 450 characters, ending with the 999 advice. */
  text: string;
}

const DANGER = 'If you think a child is in danger right now, ring 999.';

/** Who to ring in `area` at the moment `at`, by London time, with office hours and bank holidays applied. */
export function frontDoorNow(
  area: AreaId,
  at: Date,
  dir: FrontDoorDirectory,
  holidays: BankHolidayCalendar,
): FrontDoorAdvice {
  const info = dir.get(area);
  const door = info.frontDoor;
  const base = { area, areaName: info.name };
  const office = door.number ? { label: door.label, number: door.number } : undefined;
  if (!office || !door.outOfHours) return { ...base, ...noCheckedNumber(info) };
  const now = londonTime(at);
  const hours = officeHoursOn(door, now.isoDate, holidays);
  if (hours && isOfficeOpen(door, now, holidays)) {
    if (hours.opens !== undefined) {
      const text =
        `${info.name}: ring ${office.label} now on ${office.number}. ` +
        `It's open until ${clock(hours.closes)} today. ${DANGER}`;
      return { ...base, status: 'open', ringNow: office, text };
    }
    // With no known opening time we cannot promise someone is there, so the duty team comes too.
    const ooh = door.outOfHours;
    const text =
      `${info.name}: ring ${office.label} on ${office.number}. It takes calls ${dayList(hours.days)} until ` +
      `${clock(hours.closes)}. If no one answers, ring ${ooh.label} on ${ooh.number}. ${DANGER}`;
    return { ...base, status: 'open', ringNow: office, fallback: ooh, text };
  }
  return { ...base, status: 'closed', ringNow: door.outOfHours, text: closedText(info, now, holidays) };
}

function closedText(info: AreaInfo, now: LondonTime, holidays: BankHolidayCalendar): string {
  const door = info.frontDoor;
  const ooh = door.outOfHours;
  if (!ooh) throw new Error(`front doors: ${info.id} has no out-of-hours contact`);
  // Where the same number reaches the duty team out of hours, say so rather than give it twice.
  const ring =
    ooh.number === door.number
      ? `${info.name}: ${door.label} is closed now, but you can still ring ${ooh.number}. ` +
        `At this time it goes to ${ooh.label}.`
      : `${info.name}: ${door.label} is closed now. Ring ${ooh.label} on ${ooh.number}.`;
  const next = nextOpening(door, now, holidays);
  let reopens = '';
  if (next?.hours.opens !== undefined) {
    reopens = ` The office opens at ${clock(next.hours.opens)} ${dayPhrase(now.isoDate, next.isoDate)}.`;
  } else if (next) {
    const day = dayPhrase(now.isoDate, next.isoDate);
    reopens = ` ${capitalise(door.label)} takes calls again ${day}, until ${clock(next.hours.closes)}.`;
  }
  return `${ring}${reopens} ${DANGER}`;
}

function noCheckedNumber(info: AreaInfo): Pick<FrontDoorAdvice, 'status' | 'ringNow' | 'fallback' | 'text'> {
  const [first, second] = info.frontDoor.insteadOfNumber ?? [];
  if (!first || !second) throw new Error(`front doors: ${info.id} has neither a number nor numbers instead`);
  const text =
    `${info.name}: the council's front door for worries about a child is ${info.frontDoor.label}. We don't ` +
    `have a checked phone number for it yet. You can ring ${first.label} on ${first.number}, or ${second.label} ` +
    `on ${second.number}. ${DANGER}`;
  return { status: 'unknown-number', ringNow: first, fallback: second, text };
}

/** One short line per area, for when we don't know where someone lives. */
export function frontDoorSummary(at: Date, dir: FrontDoorDirectory, holidays: BankHolidayCalendar): string {
  const lines = dir.areas().map((info) => summaryLine(frontDoorNow(info.id, at, dir, holidays)));
  return [...lines, DANGER].join('\n');
}

function summaryLine({ areaName, status, ringNow, fallback }: FrontDoorAdvice): string {
  const call = (c: Contact): string => `${c.number} (${withoutThe(c.label)})`;
  if (!ringNow) return `${areaName}: we have no checked number`;
  if (status === 'unknown-number') {
    return `${areaName}: no checked number yet. Ring ${call(ringNow)}${fallback ? ` or ${call(fallback)}` : ''}`;
  }
  return `${areaName}: ${call(ringNow)}${fallback ? `, or ${fallback.number} if no one answers` : ''}`;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function dayList(days: readonly (typeof DAYS)[number][]): string {
  if (days.length === 5 && DAYS.slice(0, 5).every((d) => days.includes(d))) return 'on weekdays';
  const names = days.map((d) => `${DAY_NAMES[DAYS.indexOf(d)]}s`);
  return `on ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}`;
}

function dayPhrase(today: string, day: string): string {
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  const name = DAY_NAMES[weekdayOf(day) - 1];
  if (day <= addDays(today, 6)) return `on ${name}`;
  const date = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return `on ${name} ${date}`;
}

/** "17:15" → "5:15pm", "17:00" → "5pm", "08:30" → "8:30am". */
function clock(hhmm: string): string {
  const minutes = minutesOf(hhmm);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutThe(label: string): string {
  return label.replace(/^the /, '');
}
