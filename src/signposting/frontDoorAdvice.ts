import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { londonTime, type LondonTime } from '../calendar/londonClock';
import { fillTemplate } from '../content/template';
import type { AreaId } from './areas';
import { loadFrontDoorAdviceContent, type FrontDoorAdviceContent } from './frontDoorAdviceContent';
import { FrontDoorDirectory, type AreaInfo, type Contact } from './frontDoorDirectory';
import { isOfficeOpen, nextOpening, officeHoursOn } from './officeHours';
import { clockPhrase, dayPhrase, daysPhrase } from './timePhrases';

/** What content/ holds about the councils' front doors: who to ring and when, and the words for saying so. */
export interface FrontDoors {
  directory: FrontDoorDirectory;
  words: FrontDoorAdviceContent;
}

/** Loads content/front-doors.yaml and content/front-door-advice.yaml. */
export function loadFrontDoors(contentDir: string): FrontDoors {
  return { directory: FrontDoorDirectory.load(contentDir), words: loadFrontDoorAdviceContent(contentDir) };
}

/** What to tell someone about ringing an area's children's services right now. */
export interface FrontDoorAdvice {
  area: AreaId;
  areaName: string;
  status: 'open' | 'closed' | 'unknown-number';
  /** The number to ring now. */
  ringNow: Contact;
  /** A second number: if no one answers, or (with no checked number) another place to ring. */
  fallback?: Contact;
  /** Plain English, under 450 characters, ending with the 999 advice. */
  text: string;
}

/** Who to ring in `area` at the moment `at`, by London time, with office hours and bank holidays applied. */
export function frontDoorNow(area: AreaId, at: Date, doors: FrontDoors, holidays: BankHolidayCalendar): FrontDoorAdvice {
  const { words } = doors;
  const info = doors.directory.get(area);
  const door = info.frontDoor;
  const base = { area, areaName: info.name };
  const ooh = door.outOfHours;
  if (!door.number || !ooh) return { ...base, ...noCheckedNumber(info, words) };
  const office = { label: door.label, number: door.number };
  const now = londonTime(at);
  const hours = officeHoursOn(door, now.isoDate, holidays);
  if (hours && isOfficeOpen(door, now, holidays)) {
    const said = { area: info.name, office: office.label, number: office.number, closes: clockPhrase(hours.closes) };
    if (hours.opens !== undefined) {
      return { ...base, status: 'open', ringNow: office, text: withDanger(words, fillTemplate(words.open.untilClosing, said)) };
    }
    // With no known opening time we cannot promise someone is there, so the duty team comes too.
    const days = daysPhrase(hours.days, words.days);
    const text = fillTemplate(words.open.noOpeningTime, { ...said, days, outOfHours: ooh.label, outOfHoursNumber: ooh.number });
    return { ...base, status: 'open', ringNow: office, fallback: ooh, text: withDanger(words, text) };
  }
  return { ...base, status: 'closed', ringNow: ooh, text: closedText(info, ooh, now, holidays, words) };
}

function closedText(info: AreaInfo, ooh: Contact, now: LondonTime, holidays: BankHolidayCalendar, words: FrontDoorAdviceContent): string {
  const door = info.frontDoor;
  const said = { area: info.name, office: door.label, outOfHours: ooh.label };
  // Where the same number reaches the duty team out of hours, say so rather than give it twice.
  const ring =
    ooh.number === door.number
      ? fillTemplate(words.closed.sameNumber, { ...said, number: ooh.number })
      : fillTemplate(words.closed.otherNumber, { ...said, outOfHoursNumber: ooh.number });
  const next = nextOpening(door, now, holidays);
  const sentences = [ring];
  if (next) {
    const day = dayPhrase(now.isoDate, next.isoDate, words.days);
    sentences.push(
      next.hours.opens !== undefined
        ? fillTemplate(words.closed.opensAt, { opens: clockPhrase(next.hours.opens), day })
        : capitalise(fillTemplate(words.closed.takesCallsAgain, { office: door.label, day, closes: clockPhrase(next.hours.closes) })),
    );
  }
  return withDanger(words, sentences.join(' '));
}

function noCheckedNumber(info: AreaInfo, words: FrontDoorAdviceContent): Pick<FrontDoorAdvice, 'status' | 'ringNow' | 'fallback' | 'text'> {
  const [first, second] = info.frontDoor.insteadOfNumber ?? [];
  if (!first || !second) throw new Error(`front doors: ${info.id} has neither a number nor numbers instead`);
  const text = fillTemplate(words.noCheckedNumber, {
    area: info.name,
    office: info.frontDoor.label,
    first: first.label,
    firstNumber: first.number,
    second: second.label,
    secondNumber: second.number,
  });
  return { status: 'unknown-number', ringNow: first, fallback: second, text: withDanger(words, text) };
}

/** One short line per area, for when we don't know where someone lives. */
export function frontDoorSummary(at: Date, doors: FrontDoors, holidays: BankHolidayCalendar): string {
  const lines = doors.directory.areas().map((info) => summaryLine(frontDoorNow(info.id, at, doors, holidays), doors.words));
  return [...lines, doors.words.danger].join('\n');
}

function summaryLine({ areaName, status, ringNow, fallback }: FrontDoorAdvice, words: FrontDoorAdviceContent): string {
  const said = { area: areaName, number: ringNow.number, name: withoutThe(ringNow.label) };
  if (!fallback) return fillTemplate(words.summary.ringNow, said);
  if (status === 'unknown-number') {
    return fillTemplate(words.summary.noCheckedNumber, { ...said, fallbackNumber: fallback.number, fallbackName: withoutThe(fallback.label) });
  }
  return fillTemplate(words.summary.orIfNoAnswer, { ...said, fallbackNumber: fallback.number });
}

function withDanger(words: FrontDoorAdviceContent, text: string): string {
  return `${text} ${words.danger}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Labels are written as they read in a sentence ("the Safeguarding Hub"); the list shows the name alone.
function withoutThe(label: string): string {
  return label.replace(/^the /, '');
}
