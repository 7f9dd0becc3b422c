import { html, type Html } from '../../http/html';
import { AREA_LABELS, MONTH, REPORT_AREAS, measureLabel, type IndicatorRow } from '../../indicators/indicatorMeasures';
import { errorSummary, fieldError, hasFieldError, type PageError } from './govukParts';
import { figureLookup, indicatorTables, type FigureLookup } from './indicatorTable';
import { HEADLINE_MEASURES, measureSections, type MeasureSection } from './indicatorSections';
import { layout, type NavLink, type SignedIn } from './layout';
import { monthAt, monthIndex } from '../../indicators/indicatorStore';
import type { Period } from '../../indicators/indicatorPeriod';
import { monthWords } from './monthText';
import { svgChart } from './svgChart';

/** Where the page is served, and where its period form sends the chosen months. */
export const INDICATORS_PATH = '/triage/indicators';
/** The same figures as CSV (the routes serve it). */
export const INDICATORS_CSV_PATH = '/api/indicators.csv';

/** A period of whole months, YYYY-MM, both included: as chosen, so possibly not valid when there are errors. */
export type IndicatorPeriod = Period;

export interface IndicatorsPageOptions {
  signedIn: SignedIn;
  period: IndicatorPeriod;
  /** The published rows for the period (suppression already applied). */
  rows: readonly IndicatorRow[];
  /** What is wrong with the period chosen; when there is anything, only the form is shown. */
  errors?: readonly PageError[];
  /** False for a partnership account, which sees no concern: its navigation has no queue. */
  showQueueLink: boolean;
}

/** What can be wrong with a period, in the words the page shows (fields are the form's inputs). */
export const PERIOD_ERRORS = {
  noFrom: { text: 'Enter the first month of the period', field: 'from' },
  badFrom: { text: 'The first month must be a real month, like 2026-04', field: 'from' },
  noTo: { text: 'Enter the last month of the period', field: 'to' },
  badTo: { text: 'The last month must be a real month, like 2026-06', field: 'to' },
  backwards: { text: 'The last month must be the same as or after the first month', field: 'to' },
  tooLong: (months: number): PageError => ({ text: `The period must be ${months} months or shorter`, field: 'to' }),
} as const;

/**
 * The partnership's indicators: a period picker, the CSV link, the key to suppressed figures, then every
 * measure in the rows as a table of areas by month, grouped in sections, with a chart for the headline ones.
 */
export function indicatorsPage(o: IndicatorsPageOptions): Html {
  const errors = o.errors ?? [];
  const nav: NavLink[] = [...(o.showQueueLink ? [{ href: '/triage', text: 'Queue' }] : []), { href: INDICATORS_PATH, text: 'Indicators', current: true }];
  return layout(
    { title: `${errors.length ? 'Error: ' : ''}Indicators`, signedIn: o.signedIn, wide: true, nav },
    html`${errorSummary(errors)}
<h1 class="govuk-heading-l"><span class="govuk-caption-l">${o.signedIn.agencyName}</span>Indicators</h1>
${periodForm(o.period, errors)}
${errors.length ? '' : figures(o)}`,
  );
}

function periodForm(period: IndicatorPeriod, errors: readonly PageError[]): Html {
  return html`<form method="get" action="${INDICATORS_PATH}" novalidate class="govuk-!-margin-bottom-6">
  <fieldset class="govuk-fieldset">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Period</h2></legend>
    <div class="govuk-grid-row">
      ${monthInput('from', 'First month', period.from, errors)}
      ${monthInput('to', 'Last month (included)', period.to, errors)}
      <div class="govuk-grid-column-one-third"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-6" data-module="govuk-button">Show figures</button></div>
    </div>
  </fieldset>
</form>`;
}

function monthInput(id: string, label: string, value: string, errors: readonly PageError[]): Html {
  const invalid = hasFieldError(errors, id);
  const describedBy = `${id}-hint${invalid ? ` ${id}-error` : ''}`;
  return html`<div class="govuk-grid-column-one-third"><div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
        <label class="govuk-label" for="${id}">${label}</label>
        <div id="${id}-hint" class="govuk-hint">Month and year, for example 2026-04</div>
        ${fieldError(errors, id)}
        <input class="govuk-input govuk-input--width-10${invalid ? ' govuk-input--error' : ''}" id="${id}" name="${id}" type="month" value="${value}" aria-describedby="${describedBy}">
      </div></div>`;
}

function figures(o: IndicatorsPageOptions): Html {
  const months = periodMonths(o.period, o.rows);
  const sections = measureSections(o.rows.map((r) => r.measure));
  const csv = `${INDICATORS_CSV_PATH}?${new URLSearchParams({ from: o.period.from, to: o.period.to }).toString()}`;
  const lookup = figureLookup(o.rows);
  // Element ids from a count, not from the measure's text: any id is then safe, and no two collide.
  const ids = new Map(sections.flatMap((s) => s.measures).map((m, i) => [m, i + 1]));
  return html`<p class="govuk-body">Figures for ${monthWords(o.period.from)} to ${monthWords(o.period.to)}, by the area the concern was about. <a class="govuk-link" href="${csv}" download>Download these figures as a spreadsheet (CSV)</a></p>
${suppressionKey()}
${sections.length === 0 ? html`<p class="govuk-body">There are no figures for this period.</p>` : html`${contents(sections)}${sections.map((s) => section(s, months, lookup, ids))}`}`;
}

/** The key the tables and charts follow. */
function suppressionKey(): Html {
  return html`<div class="govuk-inset-text" id="key">
  <h2 class="govuk-heading-s">How to read the figures</h2>
  <p class="govuk-body"><strong>[c]</strong> means a figure is not shown, to protect the people behind small numbers: values from 1 to 4 are not shown, nor values that would let them be worked out. In the charts it is a hollow square marked [c]. It never means 0: a zero is shown as 0.</p>
  <p class="govuk-body">${AREA_LABELS.all} is the total of the other areas. A dash (\u2013) means there is no figure, for example no hours to a decision in a month with no decisions.</p>
</div>`;
}

function contents(sections: readonly MeasureSection[]): Html {
  return html`<nav aria-labelledby="contents-heading" class="govuk-!-margin-bottom-6">
  <h2 class="govuk-heading-s" id="contents-heading">Contents</h2>
  <ul class="govuk-list">
    ${sections.map((s) => html`<li><a class="govuk-link" href="#${s.id}">${s.heading}</a></li>`)}
  </ul>
</nav>`;
}

function section(s: MeasureSection, months: readonly string[], lookup: FigureLookup, ids: ReadonlyMap<string, number>): Html {
  return html`<section aria-labelledby="${s.id}" class="govuk-!-margin-bottom-9">
  <h2 class="govuk-heading-m" id="${s.id}">${s.heading}</h2>
  ${s.measures.map((measure) => {
    const index = ids.get(measure) ?? 0;
    const caption = measureLabel(measure);
    const tableId = `table-${index}`;
    const chart = HEADLINE_MEASURES.includes(measure)
      ? svgChart({
          id: `chart-${index}`,
          title: `${caption}, by area and month`,
          months,
          panels: REPORT_AREAS.map((area) => ({ label: AREA_LABELS[area], figures: months.map((m) => lookup(measure, area, m)) })),
          quantity: 'Number in the month',
          tableCaption: caption,
        })
      : '';
    return html`${chart ? html`<h3 class="govuk-heading-s">${caption}</h3><figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">${chart}</figure>` : ''}
  ${indicatorTables({ id: tableId, measure, caption, months, figure: lookup })}`;
  })}
</section>`;
}

/** Every month of a valid period, and any month the rows hold besides (so no figure is ever dropped). */
export function periodMonths(period: IndicatorPeriod, rows: readonly IndicatorRow[]): string[] {
  const months = new Set(rows.map((r) => r.month));
  if (MONTH.test(period.from) && MONTH.test(period.to)) {
    // Bounded: a period longer than ten years is refused before the page is drawn; this only guards the loop.
    for (let n = monthIndex(period.from); n <= monthIndex(period.to) && n - monthIndex(period.from) < 240; n++) months.add(monthAt(n));
  }
  return [...months].sort();
}
