import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';
import { template } from '../content/template';
import { DAYS } from './frontDoorDirectory';

const text = z.string().min(1);
const eachDay = z.strictObject(Object.fromEntries(DAYS.map((d) => [d, text])) as Record<(typeof DAYS)[number], typeof text>);

const adviceSchema = z.strictObject({
  owner: text,
  reviewed: z.iso.date(),
  danger: template(),
  open: z.strictObject({
    untilClosing: template('area', 'office', 'number', 'closes'),
    noOpeningTime: template('area', 'office', 'number', 'days', 'closes', 'outOfHours', 'outOfHoursNumber'),
  }),
  closed: z.strictObject({
    sameNumber: template('area', 'office', 'number', 'outOfHours'),
    otherNumber: template('area', 'office', 'outOfHours', 'outOfHoursNumber'),
    opensAt: template('opens', 'day'),
    takesCallsAgain: template('office', 'day', 'closes'),
  }),
  noCheckedNumber: template('area', 'office', 'first', 'firstNumber', 'second', 'secondNumber'),
  summary: z.strictObject({
    ringNow: template('area', 'number', 'name'),
    orIfNoAnswer: template('area', 'number', 'name', 'fallbackNumber'),
    noCheckedNumber: template('area', 'number', 'name', 'fallbackNumber', 'fallbackName'),
  }),
  days: z.strictObject({
    today: text,
    tomorrow: text,
    thisWeek: template('day'),
    later: template('day', 'date'),
    weekdays: text,
    onDays: template('days'),
    lastOfList: template('list', 'last'),
    names: eachDay,
    every: eachDay,
  }),
});

/** What the bot says about ringing a front door, from content/front-door-advice.yaml. */
export type FrontDoorAdviceContent = z.infer<typeof adviceSchema>;
/** How days read inside those sentences ("tomorrow", "on Monday", "on weekdays"). */
export type DayWords = FrontDoorAdviceContent['days'];

export function loadFrontDoorAdviceContent(contentDir: string): FrontDoorAdviceContent {
  return loadYaml(join(contentDir, 'front-door-advice.yaml'), adviceSchema);
}
