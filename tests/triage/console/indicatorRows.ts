import { REPORT_AREAS, type IndicatorRow, type ReportArea } from '../../../src/indicators/indicatorMeasures';

export const PERIOD = { from: '2026-09', to: '2026-11' };
export const MONTHS = ['2026-09', '2026-10', '2026-11'];

/** The i-th figure of a list the fixture wrote out in full (null for a suppressed one). */
function figure(list: readonly (number | null)[], i: number): number | null {
  const f = list[i];
  if (f === undefined) throw new RangeError(`no figure ${i}`);
  return f;
}

/**
 * Published rows for three months as the API would give them: every area of `concerns` with a zero, a
 * suppressed figure and a secondary suppression; headline and other measures; an answer topic and a safety
 * reply kind; a median with a month of no figure.
 */
export function sampleRows(): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const add = (measure: string, area: ReportArea, month: string, value: number | null) =>
    rows.push(value === null ? { area, month, measure, value: null, suppressed: true } : { area, month, measure, value });
  const concerns: Record<ReportArea, [number | null, number | null, number | null]> = {
    barnsley: [12, null, 0],
    doncaster: [9, 14, 7],
    rotherham: [0, 6, null], // the last hidden to protect a small number elsewhere (secondary suppression)
    sheffield: [31, 28, 40],
    outside: [5, 0, 0],
    unknown: [0, 0, 0],
    all: [57, null, null],
  };
  for (const area of REPORT_AREAS) MONTHS.forEach((m, i) => add('concerns', area, m, figure(concerns[area], i)));
  for (const area of REPORT_AREAS) MONTHS.forEach((m, i) => add('urgent', area, m, figure([6, null, 0], i)));
  for (const area of REPORT_AREAS) MONTHS.forEach((m, i) => add('decided', area, m, figure([10, 11, 12], i)));
  for (const area of REPORT_AREAS) MONTHS.forEach((m, i) => add('decided_in_time', area, m, figure([9, null, 12], i)));
  add('subject_child', 'sheffield', '2026-10', 20);
  add('subject_place', 'sheffield', '2026-10', null);
  add('decision_hours_median', 'all', '2026-09', 18.5);
  add('decision_hours_median', 'all', '2026-10', 20);
  add('outcome_early_help', 'doncaster', '2026-11', 7);
  add('answer:what-is-grooming', 'all', '2026-10', 44);
  add('safety:danger', 'all', '2026-11', null);
  return rows;
}
