import { ALL_AREAS, FIXED_MEASURES, HOURS_PREFIX, INDICATOR_AREAS, MEASURE_ID, PARTS_OF, REPORT_AREAS, type FixedMeasure, type IndicatorRow, type ReportArea } from './indicatorMeasures';
import { monthsBetween, type StoredCount } from './indicatorStore';
import { SMALL_NUMBER, suppressComplements, suppressSmall, type Cell, type Sum } from './suppression';

/** The measures worked out from the hours histogram rather than counted. */
const DERIVED: readonly FixedMeasure[] = ['decision_hours_median', 'decision_hours_p90'];
const COUNTED = (Object.keys(FIXED_MEASURES) as FixedMeasure[]).filter((m) => !DERIVED.includes(m));

/**
 * The published indicators for a period, in long format: every area (and South Yorkshire as a whole) by
 * every month and measure, 0 where nothing was counted. Values from 1 to 4 are held back, and so is any
 * value that would let one of them be worked out from a total and its other parts (a month's subjects or
 * how-they-knew against concerns received, outcomes or risk ratings against decisions, the six areas
 * against South Yorkshire). Hours to a decision are a median and a 90th percentile over the decisions in
 * that area and month, held back when there were 1 to 4 decisions.
 */
export function indicatorReport(counts: readonly StoredCount[], from: string, to: string): IndicatorRow[] {
  const months = monthsBetween(from, to);
  const stored = new Map<string, number>();
  const measures = new Set<string>(COUNTED);
  // Decisions by whole hours taken, per area and month, and for South Yorkshire per month: hours to count.
  const hours = new Map<string, Map<number, number>>();
  const addHours = (key: string, h: number, n: number) => {
    const histogram = hours.get(key) ?? new Map<number, number>();
    histogram.set(h, (histogram.get(h) ?? 0) + n);
    hours.set(key, histogram);
  };
  for (const c of counts) {
    // A measure id this version would not write (a later version's, or damage) is left out, never echoed into a CSV.
    if (c.month < from || c.month > to || !MEASURE_ID.test(c.measure)) continue;
    if (c.measure.startsWith(HOURS_PREFIX)) {
      const h = Number(c.measure.slice(HOURS_PREFIX.length));
      addHours(`${c.area}|${c.month}`, h, c.value);
      addHours(`${ALL_AREAS}|${c.month}`, h, c.value);
      continue;
    }
    const key = `${c.area}|${c.month}|${c.measure}`;
    stored.set(key, (stored.get(key) ?? 0) + c.value);
    measures.add(c.measure);
  }
  const get = (area: string, month: string, measure: string) => stored.get(`${area}|${month}|${measure}`) ?? 0;

  const cells = new Map<string, Cell>();
  const cell = (area: ReportArea, month: string, measure: string) => cells.get(`${area}|${month}|${measure}`)!;
  const ordered = [...COUNTED, ...[...measures].filter((m) => !(COUNTED as string[]).includes(m)).sort()];
  for (const measure of ordered) {
    for (const month of months) {
      let all = 0;
      for (const area of INDICATOR_AREAS) {
        const value = get(area, month, measure);
        all += value;
        cells.set(`${area}|${month}|${measure}`, { value, suppressed: false });
      }
      cells.set(`${ALL_AREAS}|${month}|${measure}`, { value: all, suppressed: false });
    }
  }
  suppressSmall(cells.values());
  const sums: Sum[] = [];
  for (const month of months) {
    for (const measure of ordered) sums.push({ total: cell(ALL_AREAS, month, measure), parts: INDICATOR_AREAS.map((a) => cell(a, month, measure)) });
    for (const area of REPORT_AREAS) {
      for (const { total, parts } of PARTS_OF) sums.push({ total: cell(area, month, total), parts: parts.map((p) => cell(area, month, p)) });
    }
  }
  suppressComplements(sums);

  const rows: IndicatorRow[] = [];
  const publish = (area: ReportArea, month: string, measure: string, c: Cell) =>
    rows.push(c.suppressed ? { area, month, measure, value: null, suppressed: true } : { area, month, measure, value: c.value });
  for (const measure of ordered) {
    for (const area of REPORT_AREAS) for (const month of months) publish(area, month, measure, cell(area, month, measure));
    if (measure !== 'decided_in_time') continue;
    // The hours to a decision follow the decisions.
    for (const area of REPORT_AREAS) {
      for (const month of months) {
        const sorted = [...(hours.get(`${area}|${month}`) ?? [])].sort(([a], [b]) => a - b);
        const n = sorted.reduce((sum, [, count]) => sum + count, 0);
        if (n === 0) continue;
        const small = n <= SMALL_NUMBER;
        publish(area, month, 'decision_hours_median', { value: quantile(sorted, n, 0.5), suppressed: small });
        publish(area, month, 'decision_hours_p90', { value: quantile(sorted, n, 0.9), suppressed: small });
      }
    }
  }
  return rows;
}

/** The nearest-rank quantile of [hours, decisions] in hour order: the smallest whole hour by which at least `q` of the decisions were made. */
function quantile(sorted: readonly (readonly [number, number])[], n: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const [hours, count] of sorted) {
    seen += count;
    if (seen >= rank) return hours;
  }
  return sorted[sorted.length - 1]?.[0] ?? 0;
}

/** The rows as CSV with the header area,month,measure,value; a held-back value is left blank. */
export function indicatorCsv(rows: readonly IndicatorRow[]): string {
  const lines = rows.map((r) => `${r.area},${r.month},${r.measure},${r.value === null ? '' : r.value}`);
  return `area,month,measure,value\r\n${lines.join('\r\n')}\r\n`;
}
