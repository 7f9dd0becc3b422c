import { londonTime } from '../calendar/londonClock';
import { INDICATOR_AREAS, MEASURE_ID, MONTH, type IndicatorArea } from './indicatorMeasures';

/** One stored counter: how many of `measure` in `area` in `month`. */
export interface StoredCount {
  month: string;
  area: IndicatorArea;
  measure: string;
  value: number;
}

/** What to add to one area's counters in one month: measure id to amount. */
export type Increments = Readonly<Record<string, number>>;

/**
 * The partnership's anonymous monthly counters, in the same store as the concerns but apart from them:
 * keyed only by month, area and measure, never by a concern or a person, so the retention sweep that
 * deletes closed concerns never touches them.
 */
export interface IndicatorStore {
  /** Adds to one month's counters for one area in one step; resolves once durably stored. */
  add(month: string, area: IndicatorArea, increments: Increments): Promise<void>;
  /** Every counter of the months from `from` to `to` (YYYY-MM, both included). */
  read(from: string, to: string): Promise<StoredCount[]>;
}

/** The longest period one read covers: ten years of months. */
export const MAX_MONTHS = 120;

/** The month (YYYY-MM) `at` falls in, in London. */
export function monthOf(at: Date): string {
  return londonTime(at).isoDate.slice(0, 7);
}

/** The months from `from` to `to`, both included; throws when either is not YYYY-MM, or the period is backwards or too long. */
export function monthsBetween(from: string, to: string): string[] {
  if (!MONTH.test(from) || !MONTH.test(to)) throw new RangeError('a month is YYYY-MM');
  const [first, last] = [monthIndex(from), monthIndex(to)];
  if (last < first) throw new RangeError('the period ends before it starts');
  if (last - first + 1 > MAX_MONTHS) throw new RangeError(`a period is at most ${MAX_MONTHS} months`);
  return Array.from({ length: last - first + 1 }, (_, i) => monthAt(first + i));
}

/** A YYYY-MM month as a count of months since year 0, so that months can be stepped through and compared. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The YYYY-MM month of a monthIndex. */
export function monthAt(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** True for an area a counter may be stored under. */
export function isIndicatorArea(area: string): area is IndicatorArea {
  return (INDICATOR_AREAS as readonly string[]).includes(area);
}

/** Increments with nothing to add (every amount 0) are dropped; amounts must be whole and positive. */
export function nonZero(increments: Increments): [string, number][] {
  return Object.entries(increments).filter(([measure, by]) => {
    if (!Number.isInteger(by) || by < 0) throw new RangeError(`cannot add ${by} to ${measure}`);
    if (!MEASURE_ID.test(measure)) throw new RangeError(`not a measure id: ${JSON.stringify(measure)}`);
    return by > 0;
  });
}
