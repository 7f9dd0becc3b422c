import { indicatorCsv, indicatorReport } from '../../src/indicators/indicatorReport';
import type { IndicatorRow } from '../../src/indicators/indicatorMeasures';
import type { StoredCount } from '../../src/indicators/indicatorStore';

const at = (rows: IndicatorRow[], area: string, month: string, measure: string) => rows.find((r) => r.area === area && r.month === month && r.measure === measure);

/** A crafted month: Sheffield 20 concerns (12 child, 3 place, 5 not sure), Barnsley 7 (7 child). */
const NOVEMBER: StoredCount[] = [
  { month: '2026-11', area: 'sheffield', measure: 'concerns', value: 20 },
  { month: '2026-11', area: 'sheffield', measure: 'subject_child', value: 12 },
  { month: '2026-11', area: 'sheffield', measure: 'subject_place', value: 3 },
  { month: '2026-11', area: 'sheffield', measure: 'subject_not_sure', value: 5 },
  { month: '2026-11', area: 'barnsley', measure: 'concerns', value: 7 },
  { month: '2026-11', area: 'barnsley', measure: 'subject_child', value: 7 },
];

describe('indicatorReport', () => {
  const rows = indicatorReport(NOVEMBER, '2026-11', '2026-11');

  it('adds South Yorkshire as the sum of the areas, and shows 0 where nothing was counted', () => {
    expect(at(rows, 'all', '2026-11', 'concerns')).toEqual({ area: 'all', month: '2026-11', measure: 'concerns', value: 27 });
    expect(at(rows, 'rotherham', '2026-11', 'concerns')).toEqual({ area: 'rotherham', month: '2026-11', measure: 'concerns', value: 0 });
  });

  it('holds back 3 (primary) and the next smallest part of the same total (secondary), so neither can be worked out', () => {
    expect(at(rows, 'sheffield', '2026-11', 'subject_place')).toEqual({ area: 'sheffield', month: '2026-11', measure: 'subject_place', value: null, suppressed: true });
    expect(at(rows, 'sheffield', '2026-11', 'subject_not_sure')?.suppressed).toBe(true);
    expect(at(rows, 'sheffield', '2026-11', 'subject_child')?.value).toBe(12);
    // South Yorkshire's place figure is 3 too, held back; its not-sure (5) is then held back as its pair.
    expect(at(rows, 'all', '2026-11', 'subject_place')?.suppressed).toBe(true);
    expect(at(rows, 'all', '2026-11', 'subject_not_sure')?.suppressed).toBe(true);
  });

  it('never lets a held-back value be worked out from any published sum', () => {
    // For each sum the report protects, either no figure is hidden or at least two are.
    const hidden = (area: string, measure: string) => at(rows, area, '2026-11', measure)?.suppressed === true;
    for (const area of ['barnsley', 'doncaster', 'rotherham', 'sheffield', 'outside', 'unknown', 'all']) {
      const n = ['concerns', 'subject_child', 'subject_place', 'subject_not_sure'].filter((m) => hidden(area, m)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    for (const measure of ['concerns', 'subject_child', 'subject_place', 'subject_not_sure']) {
      const n = ['barnsley', 'doncaster', 'rotherham', 'sheffield', 'outside', 'unknown', 'all'].filter((a) => hidden(a, measure)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });

  it('works out hours to a decision from the histogram, and holds them back under 5 decisions', () => {
    const hours = (area: string, h: number, n: number): StoredCount => ({ month: '2026-10', area: area as StoredCount['area'], measure: `hours:${h}`, value: n });
    const counts: StoredCount[] = [
      { month: '2026-10', area: 'doncaster', measure: 'decided', value: 10 },
      hours('doncaster', 2, 4),
      hours('doncaster', 5, 4),
      hours('doncaster', 30, 2),
      { month: '2026-10', area: 'rotherham', measure: 'decided', value: 2 },
      hours('rotherham', 1, 2),
    ];
    const report = indicatorReport(counts, '2026-10', '2026-10');
    expect(at(report, 'doncaster', '2026-10', 'decision_hours_median')?.value).toBe(5);
    expect(at(report, 'doncaster', '2026-10', 'decision_hours_p90')?.value).toBe(30);
    expect(at(report, 'rotherham', '2026-10', 'decision_hours_median')).toMatchObject({ value: null, suppressed: true });
    // South Yorkshire: 12 decisions (2,2,2,2,1,1,5,5,5,5,30,30): median the 6th, 2 hours.
    expect(at(report, 'all', '2026-10', 'decision_hours_median')?.value).toBe(2);
    expect(at(report, 'sheffield', '2026-10', 'decision_hours_median')).toBeUndefined();
    expect(report.some((r) => r.measure.startsWith('hours:'))).toBe(false);
  });

  it('lists a topic or safety measure counted anywhere in the period, for every area and month', () => {
    const counts: StoredCount[] = [{ month: '2026-09', area: 'unknown', measure: 'answer:warning-signs', value: 9 }];
    const report = indicatorReport(counts, '2026-09', '2026-10');
    expect(at(report, 'unknown', '2026-09', 'answer:warning-signs')?.value).toBe(9);
    expect(at(report, 'unknown', '2026-10', 'answer:warning-signs')?.value).toBe(0);
    expect(at(report, 'all', '2026-09', 'answer:warning-signs')?.value).toBe(9);
  });

  it('leaves out a stored measure id it would never write, so nothing odd reaches a CSV', () => {
    const counts: StoredCount[] = [{ month: '2026-09', area: 'unknown', measure: '=HYPERLINK("x")', value: 9 }];
    expect(indicatorReport(counts, '2026-09', '2026-09').some((r) => r.measure.includes('HYPERLINK'))).toBe(false);
  });
});

describe('indicatorCsv', () => {
  it('has the header area,month,measure,value and leaves a held-back value blank', () => {
    const csv = indicatorCsv(indicatorReport(NOVEMBER, '2026-11', '2026-11'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('area,month,measure,value');
    expect(lines).toContain('sheffield,2026-11,subject_place,');
    expect(lines).toContain('sheffield,2026-11,concerns,20');
    expect(lines.every((l) => l.split(',').length === 4)).toBe(true);
  });
});
