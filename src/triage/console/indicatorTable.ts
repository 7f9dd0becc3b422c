import { html, type Html } from '../../http/html';
import { AREA_LABELS, REPORT_AREAS, type IndicatorRow, type ReportArea } from '../../indicators/indicatorMeasures';
import { missingIsZero } from './indicatorSections';
import { figureText, monthShort } from './monthText';
import type { ChartFigure } from './svgChart';

/** A measure's figure for an area and month, as the page shows it. */
export type FigureLookup = (measure: string, area: ReportArea, month: string) => ChartFigure;

/**
 * Looks figures up in the published rows. A suppressed row is 'suppressed' whatever its value says (never a
 * number); a missing row is 0 for a count and no figure for an average (see missingIsZero).
 */
export function figureLookup(rows: readonly IndicatorRow[]): FigureLookup {
  const byKey = new Map(rows.map((row) => [`${row.measure}\u0000${row.area}\u0000${row.month}`, row]));
  return (measure, area, month) => {
    const row = byKey.get(`${measure}\u0000${area}\u0000${month}`);
    if (!row) return missingIsZero(measure) ? 0 : null;
    if (row.suppressed || row.value === null) return 'suppressed';
    return row.value;
  };
}

/** Beyond a year of months, a measure's table is split into one table per 12 months, to stay readable. */
export const MONTHS_PER_TABLE = 12;

export interface IndicatorTableOptions {
  /** Id of the first table, for links and for the chart's description. */
  id: string;
  measure: string;
  caption: string;
  months: readonly string[];
  figure: FigureLookup;
}

/** A measure as GOV.UK tables: areas down, months across, a caption naming the measure. */
export function indicatorTables(o: IndicatorTableOptions): Html {
  const chunks: string[][] = [];
  for (let i = 0; i < o.months.length; i += MONTHS_PER_TABLE) chunks.push(o.months.slice(i, i + MONTHS_PER_TABLE));
  return html`${chunks.map((months, i) => {
    const caption = chunks.length > 1 ? `${o.caption}, ${monthShort(months[0] ?? '')} to ${monthShort(months.at(-1) ?? '')}` : o.caption;
    return table(i === 0 ? o.id : `${o.id}-${i + 1}`, caption, months, o);
  })}`;
}

function table(id: string, caption: string, months: readonly string[], o: IndicatorTableOptions): Html {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet" id="${id}">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Area</th>
      ${months.map((m) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${monthShort(m)}</th>`)}
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${REPORT_AREAS.map(
      (area) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${AREA_LABELS[area]}</th>
      ${months.map((m) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${cell(o.figure(o.measure, area, m))}</td>`)}
    </tr>`,
    )}
  </tbody>
</table>`;
}

/** A figure in a cell: the number, "[c]" for a suppressed one (never 0), or a dash for none. */
export function cell(f: ChartFigure): Html {
  if (f === 'suppressed') return html`<span aria-hidden="true">[c]</span><span class="govuk-visually-hidden">not shown</span>`;
  if (f === null) return html`<span aria-hidden="true">\u2013</span><span class="govuk-visually-hidden">no figure</span>`;
  return html`${figureText(f)}`;
}
