import { html, type Html } from '../../http/html';
import { figureText, monthShort, monthWords } from './monthText';

/** One figure in a chart: a number, `'suppressed'` (hidden to protect small numbers), or null (no figure). */
export type ChartFigure = number | 'suppressed' | null;

/** One small chart: a label (an area) and its figures, one per month. */
export interface ChartPanel {
  label: string;
  figures: readonly ChartFigure[];
}

export interface BarChartOptions {
  /** Unique on the page: letters, digits and hyphens. The title's and description's ids start with it. */
  id: string;
  title: string;
  /** The months across (YYYY-MM), in order. */
  months: readonly string[];
  panels: readonly ChartPanel[];
  /** What a bar shows, for the chart's key: "Number in the month". */
  quantity: string;
  /** The table holding the same figures, which the description points to. */
  tableCaption?: string;
}

// Colours: GOV.UK text black, blue bars (5.2:1 on white) and mid-grey grid lines that carry no meaning.
const INK = '#0b0c0c';
const BAR = '#1d70b8';
const GRID = '#b1b4b6';
const WIDTH = 960;
const MARGIN = 16;
const KEY_HEIGHT = 44;
const GAP_X = 32;
const GAP_Y = 16;
const TITLE_HEIGHT = 40;
const PLOT_HEIGHT = 120;
const PANEL_HEIGHT = TITLE_HEIGHT + PLOT_HEIGHT + 36;
const Y_LABELS_WIDTH = 44;
/** Beyond this many months, the figures are too narrow to print above the bars (the table has them). */
const MONTHS_WITH_LABELS = 13;
/** Beyond this many months, the description points to the table instead of reading every figure. */
const MONTHS_IN_WORDS = 12;

/**
 * A bar chart drawn on the server as accessible SVG: small multiples, one panel per area on a shared scale,
 * one bar per month. Named by its `<title>`, described in words by its `<desc>`; nothing depends on colour
 * (each panel is labelled, every bar has its figure above it while they fit, a suppressed figure is a hollow
 * square marked "[c]" and a zero is printed "0"). Presentation attributes only: the console's CSP forbids
 * inline styles, and the chart needs no script.
 */
export function svgChart(o: BarChartOptions): Html {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(o.id)) throw new RangeError(`chart id must be letters, digits and hyphens: ${JSON.stringify(o.id)}`);
  for (const p of o.panels) {
    if (p.figures.length !== o.months.length) throw new RangeError(`chart ${o.id}: ${p.label} has ${p.figures.length} figures for ${o.months.length} months`);
  }
  const scale = niceScale(Math.max(0, ...o.panels.flatMap((p) => p.figures.filter((f): f is number => typeof f === 'number'))));
  const cols = o.panels.length > 1 ? 2 : 1;
  const panelWidth = (WIDTH - 2 * MARGIN - (cols - 1) * GAP_X) / cols;
  const rows = Math.ceil(o.panels.length / cols);
  const height = KEY_HEIGHT + rows * (PANEL_HEIGHT + GAP_Y);
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" viewBox="0 0 ${WIDTH} ${height}" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="13">
  <title id="${o.id}-title">${o.title}</title>
  <desc id="${o.id}-desc">${description(o, scale.top)}</desc>
  ${key(o.quantity)}
  ${o.panels.map((p, i) => {
    const x = MARGIN + (i % cols) * (panelWidth + GAP_X);
    const y = KEY_HEIGHT + Math.floor(i / cols) * (PANEL_HEIGHT + GAP_Y);
    return html`<g transform="translate(${r(x)} ${r(y)})">${panel(p, o.months, panelWidth, scale)}</g>`;
  })}
</svg>`;
}

/** The chart's description: what it shows and its scale, then every figure in words when there are few enough. */
function description(o: BarChartOptions, top: number): string {
  const parts = [`${o.title}, ${monthWords(o.months[0] ?? '')} to ${monthWords(o.months.at(-1) ?? '')}: one bar chart for each of ${o.panels.length} areas, all on the same scale from 0 to ${figureText(top)}.`];
  if (o.months.length <= MONTHS_IN_WORDS) {
    for (const p of o.panels) parts.push(`${p.label}: ${p.figures.map((f, i) => `${monthWords(o.months[i] ?? '')} ${figureWords(f)}`).join(', ')}.`);
  }
  if (o.tableCaption) parts.push(`The same figures are in the table \u201c${o.tableCaption}\u201d.`);
  return parts.join(' ');
}

function figureWords(f: ChartFigure): string {
  if (f === 'suppressed') return 'not shown (a small number)';
  if (f === null) return 'no figure';
  return figureText(f);
}

/** The key across the top: what a bar is, and what a hollow square marked [c] is. */
function key(quantity: string): Html {
  return html`<g transform="translate(${MARGIN} 8)">
    <rect x="0" y="2" width="14" height="14" fill="${BAR}"/>
    <text x="20" y="14" fill="${INK}">${quantity}</text>
    <rect x="${WIDTH / 2}" y="3" width="12" height="12" fill="#ffffff" stroke="${INK}" stroke-width="2"/>
    <text x="${WIDTH / 2 + 20}" y="14" fill="${INK}">[c] not shown: a small number, or one that would reveal it</text>
  </g>`;
}

interface Scale {
  top: number;
  step: number;
}

/** A scale from 0 with 3 to 5 round steps; never less than 0 to 6, so all-zero months still get an axis. */
export function niceScale(max: number): Scale {
  const m = Math.max(max, 5);
  const raw = m / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { top: Math.ceil(m / step) * step, step };
}

function panel(p: ChartPanel, months: readonly string[], width: number, scale: Scale): Html {
  const plotWidth = width - Y_LABELS_WIDTH - 8;
  const baseline = TITLE_HEIGHT + PLOT_HEIGHT;
  const y = (v: number) => baseline - (v / scale.top) * PLOT_HEIGHT;
  const band = plotWidth / Math.max(1, months.length);
  const barWidth = Math.min(40, band * 0.6);
  const labelled = months.length <= MONTHS_WITH_LABELS;
  const ticks = Array.from({ length: Math.round(scale.top / scale.step) + 1 }, (_, i) => i * scale.step);
  const cx = (i: number) => Y_LABELS_WIDTH + band * (i + 0.5);
  return html`<text x="0" y="18" font-size="16" font-weight="bold" fill="${INK}">${p.label}</text>
    ${ticks.map(
      (t) => html`<line x1="${Y_LABELS_WIDTH}" x2="${r(Y_LABELS_WIDTH + plotWidth)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${t === 0 ? INK : GRID}" stroke-width="1"/>
    <text x="${Y_LABELS_WIDTH - 6}" y="${r(y(t) + 4)}" text-anchor="end" font-size="12" fill="${INK}">${figureText(t)}</text>`,
    )}
    <line x1="${Y_LABELS_WIDTH}" x2="${Y_LABELS_WIDTH}" y1="${TITLE_HEIGHT}" y2="${baseline}" stroke="${INK}" stroke-width="1"/>
    ${p.figures.map((f, i) => bar(f, r(cx(i)), barWidth, baseline, y, labelled))}
    ${months.map((m, i) => monthLabel(m, i, months.length, band, r(cx(i)), baseline))}`;
}

function bar(f: ChartFigure, cx: number, barWidth: number, baseline: number, y: (v: number) => number, labelled: boolean): Html {
  const label = (text: string, at: number) => (labelled ? html`<text x="${cx}" y="${r(at)}" text-anchor="middle" font-size="12" fill="${INK}">${text}</text>` : '');
  if (f === 'suppressed') {
    return html`<rect x="${r(cx - 5)}" y="${baseline - 12}" width="10" height="10" fill="#ffffff" stroke="${INK}" stroke-width="2"/>${label('[c]', baseline - 16)}`;
  }
  if (f === null) return html`${label('\u2013', baseline - 4)}`;
  if (f <= 0) return html`${label('0', baseline - 4)}`;
  return html`<rect x="${r(cx - barWidth / 2)}" y="${r(y(f))}" width="${r(barWidth)}" height="${r(baseline - y(f))}" fill="${BAR}"/>${label(figureText(f), y(f) - 4)}`;
}

/** Month names under the axis, the year under the first and each January; with many months, Januarys only. */
function monthLabel(month: string, i: number, count: number, band: number, cx: number, baseline: number): Html | string {
  const january = month.endsWith('-01');
  // With many months, only Januarys, and the first month unless a January follows too closely to fit both.
  const firstFits = i === 0 && (13 - Number(month.slice(5, 7))) * band >= 40;
  if (count > MONTHS_WITH_LABELS && !january && !firstFits) return '';
  const [name, year] = monthShort(month).split(' ');
  return html`<text x="${cx}" y="${baseline + 16}" text-anchor="middle" font-size="12" fill="${INK}">${name ?? month}</text>${
    i === 0 || january ? html`<text x="${cx}" y="${baseline + 30}" text-anchor="middle" font-size="12" fill="${INK}">${year ?? ''}</text>` : ''
  }`;
}

/** Coordinates to a tenth: enough for a 960-wide drawing, and short markup. */
function r(n: number): number {
  return Math.round(n * 10) / 10;
}
