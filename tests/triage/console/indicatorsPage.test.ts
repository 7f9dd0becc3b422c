import type { IndicatorRow } from '../../../src/indicators/indicatorMeasures';
import { AREA_LABELS, measureLabel } from '../../../src/indicators/indicatorMeasures';
import { indicatorsPage, PERIOD_ERRORS, type IndicatorsPageOptions } from '../../../src/triage/console/indicatorsPage';
import { measureSections } from '../../../src/triage/console/indicatorSections';
import { niceScale, svgChart } from '../../../src/triage/console/svgChart';
import { ESCAPED_SCRIPT, expectInert, IMG, SCRIPT, signedIn } from './consoleFixtures';
import { PERIOD, sampleRows } from './indicatorRows';

const render = (o: Partial<IndicatorsPageOptions> = {}) => indicatorsPage({ signedIn, period: PERIOD, rows: sampleRows(), showQueueLink: false, ...o }).toString();

/** The cells (th and td, inner markup) of each body row of the table with this caption, by the row's area. */
function tableCells(page: string, caption: string): Map<string, string[]> {
  const table = page.split('<table').find((t) => t.includes(`>${caption}</caption>`));
  if (!table) throw new Error(`no table captioned ${caption}`);
  const body = table.slice(table.indexOf('<tbody'), table.indexOf('</tbody>'));
  const rows = body.split('<tr').slice(1);
  return new Map(
    rows.map((row) => {
      const cells = [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1] ?? '');
      return [cells[0] ?? '', cells.slice(1)];
    }),
  );
}

/** Every `<svg>…</svg>` in the page. */
const charts = (page: string) => [...page.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

const SUPPRESSED_CELL = '<span aria-hidden="true">[c]</span><span class="govuk-visually-hidden">not shown</span>';

describe('indicatorsPage', () => {
  const page = render();

  it('is the console page "Indicators", wide, with no script, inline style or outside address', () => {
    expect(page).toContain('<title>Indicators \u2013 Clearsight triage</title>');
    expect(page).toMatch(/<h1 class="govuk-heading-l">.*Indicators<\/h1>/);
    expect(page).toContain('console-wide');
    expect(page).not.toMatch(/style=|<style/);
    expect(page.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
    expectInert(page);
  });

  it('offers no queue to a partnership account, and the queue to anyone else', () => {
    expect(page).not.toContain('href="/triage">Queue');
    expect(page).toContain('href="/triage/indicators" aria-current="page"');
    expect(render({ showQueueLink: true })).toContain('href="/triage">Queue');
  });

  it('shows every suppressed figure as [c], never as 0, in the tables', () => {
    const concerns = tableCells(page, 'Concerns received');
    expect(concerns.get('Barnsley')).toEqual(['12', SUPPRESSED_CELL, '0']);
    expect(concerns.get('Rotherham')).toEqual(['0', '6', SUPPRESSED_CELL]);
    expect(concerns.get('South Yorkshire (all)')).toEqual(['57', SUPPRESSED_CELL, SUPPRESSED_CELL]);
    // Every suppressed row in the sample, in any table: its cell is [c].
    for (const row of sampleRows().filter((r) => r.suppressed)) {
      const cells = tableCells(page, measureLabel(row.measure)).get(AREA_LABELS[row.area]);
      expect(cells?.[['2026-09', '2026-10', '2026-11'].indexOf(row.month)]).toBe(SUPPRESSED_CELL);
    }
  });

  it('shows a suppressed row as [c] even if it carries a value, and as a marker (not a bar) in a chart', () => {
    const leaky: IndicatorRow[] = [{ area: 'barnsley', month: '2026-09', measure: 'concerns', value: 0, suppressed: true }];
    const p = render({ rows: leaky, period: { from: '2026-09', to: '2026-09' } });
    expect(tableCells(p, 'Concerns received').get('Barnsley')).toEqual([SUPPRESSED_CELL]);
    const [chart] = charts(p);
    expect(chart).toContain('[c]</text>');
    expect(chart).toMatch(/<rect [^>]*width="10" height="10" fill="#ffffff" stroke="#0b0c0c"/);
    expect(chart).not.toMatch(/height="0"/);
    expect(chart).toContain('Barnsley: September 2026 not shown (a small number).');
  });

  it('counts a missing count as 0 but a missing median as no figure', () => {
    const median = tableCells(page, 'Hours to a decision, median').get('South Yorkshire (all)');
    expect(median).toEqual(['18.5', '20', '<span aria-hidden="true">\u2013</span><span class="govuk-visually-hidden">no figure</span>']);
    expect(tableCells(page, 'About a child or young person').get('Barnsley')).toEqual(['0', '0', '0']);
  });

  it('captions a table for every measure in the rows, areas down and months across, in sections', () => {
    const measures = [...new Set(sampleRows().map((r) => r.measure))];
    for (const m of measures) expect(page).toContain(`<caption class="govuk-table__caption govuk-table__caption--s">${measureLabel(m)}</caption>`);
    expect(page.match(/<table /g)).toHaveLength(measures.length);
    expect(page).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Sep 2026</th>');
    const headings = [...page.matchAll(/<h2 class="govuk-heading-m" id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Concerns', 'Decisions', 'Questions answered', 'Safety replies']);
  });

  it('draws a chart only for the headline measures, each an image with a title and a description', () => {
    const svgs = charts(page);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      const id = /aria-labelledby="([^"]+)-title"/.exec(svg)?.[1];
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`aria-describedby="${id}-desc"`);
      expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+, by area and month</title>`));
      expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`));
    }
    const titles = svgs.map((s) => /<title[^>]*>([^<]+)</.exec(s)?.[1]);
    expect(titles).toEqual(['Concerns received', 'Urgent concerns received', 'Decisions recorded (first per team)', 'Decided within the clock'].map((t) => `${t}, by area and month`));
  });

  it('links to the CSV for the same period, and explains suppression', () => {
    expect(page).toContain('href="/api/indicators.csv?from=2026-09&amp;to=2026-11"');
    expect(page).toContain('values from 1 to 4 are not shown, nor values that would let them be worked out');
    expect(page).toContain('Figures for September 2026 to November 2026');
  });

  it('offers a labelled GET form with two month inputs holding the period', () => {
    expect(page).toMatch(/<form method="get" action="\/triage\/indicators"/);
    expect(page).toContain('<label class="govuk-label" for="from">First month</label>');
    expect(page).toContain('<label class="govuk-label" for="to">Last month (included)</label>');
    expect(page).toContain('id="from" name="from" type="month" value="2026-09" aria-describedby="from-hint"');
    expect(page).toContain('id="to" name="to" type="month" value="2026-11" aria-describedby="to-hint"');
  });

  it('says so when there are no figures', () => {
    const empty = render({ rows: [] });
    expect(empty).toContain('There are no figures for this period.');
    expect(empty).not.toContain('<table');
  });

  it('shows a wrong period in an error summary and at its field, keeps what was typed (escaped), and no figures', () => {
    const p = render({ period: { from: `"><script>x</script>`, to: '2026-11' }, errors: [PERIOD_ERRORS.badFrom] });
    expect(p).toContain('<title>Error: Indicators');
    expect(p.indexOf('govuk-error-summary')).toBeLessThan(p.indexOf('<h1'));
    expect(p).toContain(`<a href="#from">${PERIOD_ERRORS.badFrom.text}</a>`);
    expect(p).toContain('<p id="from-error" class="govuk-error-message">');
    expect(p).toContain('govuk-form-group govuk-form-group--error');
    expect(p).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" aria-describedby="from-hint from-error"');
    expect(p).not.toContain('/api/indicators.csv');
    expect(p).not.toContain('<table');
    expectInert(p);
    expect(PERIOD_ERRORS.tooLong(120)).toEqual({ text: 'The period must be 120 months or shorter', field: 'to' });
  });

  it('escapes everything it prints: the signed-in name, and measure ids from the store', () => {
    const hostile: IndicatorRow[] = [{ area: 'all', month: '2026-10', measure: `answer:${SCRIPT}`, value: 7 }, { area: 'all', month: '2026-10', measure: IMG, value: 5 }];
    const p = render({ rows: hostile });
    expect(p).toContain('Sam &lt;b&gt;Duty&lt;/b&gt;');
    expect(p).toContain(`Questions answered: ${ESCAPED_SCRIPT}`);
    expect(p).toContain('<h2 class="govuk-heading-m" id="section-other">Other measures</h2>');
    expectInert(p);
  });

  it('splits a period of more than a year into tables of 12 months', () => {
    const rows: IndicatorRow[] = [{ area: 'all', month: '2025-03', measure: 'closed', value: 9 }];
    const p = render({ rows, period: { from: '2025-01', to: '2026-02' } });
    expect(p).toContain('>Closed, Jan 2025 to Dec 2025</caption>');
    expect(p).toContain('>Closed, Jan 2026 to Feb 2026</caption>');
  });
});

describe('svgChart', () => {
  const months = ['2026-01', '2026-02'];

  it('escapes its title, description and labels', () => {
    const svg = svgChart({ id: 'c1', title: SCRIPT, months, panels: [{ label: IMG, figures: [1, 2] }], quantity: SCRIPT, tableCaption: IMG }).toString();
    expect(svg).toContain(`<title id="c1-title">${ESCAPED_SCRIPT}</title>`);
    expectInert(svg);
  });

  it('draws all-zero months on a scale from 0 to 6 with every 0 printed', () => {
    const svg = svgChart({ id: 'z', title: 'Zeros', months, panels: [{ label: 'Barnsley', figures: [0, 0] }], quantity: 'Number' }).toString();
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg.match(/>0<\/text>/g)?.length).toBe(3); // the axis's 0 and both months
    expect(svg).toContain('>6</text>');
    expect(svg).not.toMatch(/<rect [^>]*fill="#1d70b8"[^>]*height/); // no bars, only the key's square
  });

  it('refuses an id that is not safe in an id attribute, and figures that do not match the months', () => {
    expect(() => svgChart({ id: 'a b', title: 't', months, panels: [], quantity: 'n' })).toThrow(RangeError);
    expect(() => svgChart({ id: 'a', title: 't', months, panels: [{ label: 'x', figures: [1] }], quantity: 'n' })).toThrow(/1 figures for 2 months/);
  });

  it('leaves figures to the table when there are too many months to print or read out', () => {
    const many = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const svg = svgChart({ id: 'm', title: 'Long', months: many, panels: [{ label: 'All', figures: many.map((_, i) => i) }], quantity: 'n', tableCaption: 'Long table' }).toString();
    expect(svg).not.toContain('>23</text>');
    expect(svg).toContain('The same figures are in the table \u201cLong table\u201d.');
    expect(svg).not.toContain('All: January 2025');
  });

  it('picks round scales', () => {
    expect(niceScale(0)).toEqual({ top: 6, step: 2 });
    expect(niceScale(57)).toEqual({ top: 60, step: 20 });
    expect(niceScale(100)).toEqual({ top: 100, step: 50 });
    expect(niceScale(18.5)).toEqual({ top: 20, step: 5 });
  });
});

describe('measureSections', () => {
  it('puts measures in report order within their sections, and unknown ones last', () => {
    expect(measureSections(['safety:check-in', 'answer:b', 'decided', 'zzz', 'concerns', 'safety:danger', 'answer:a', 'urgent'])).toEqual([
      { id: 'section-concerns', heading: 'Concerns', measures: ['concerns', 'urgent'] },
      { id: 'section-decisions', heading: 'Decisions', measures: ['decided'] },
      { id: 'section-questions', heading: 'Questions answered', measures: ['answer:a', 'answer:b'] },
      { id: 'section-safety', heading: 'Safety replies', measures: ['safety:danger', 'safety:check-in'] },
      { id: 'section-other', heading: 'Other measures', measures: ['zzz'] },
    ]);
  });
});
