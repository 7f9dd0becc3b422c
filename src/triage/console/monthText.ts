const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A counters' month ("2026-11") in words: "November 2026"; anything else as it is. */
export function monthWords(month: string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return /^\d{4}-\d{2}$/.test(month) && name ? `${name} ${month.slice(0, 4)}` : month;
}

/** The same, short: "Nov 2026". */
export function monthShort(month: string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return /^\d{4}-\d{2}$/.test(month) && name ? `${name.slice(0, 3)} ${month.slice(0, 4)}` : month;
}

/** A figure as a report prints it: thousands separated, at most one decimal place ("1,204", "18.5"). */
export function figureText(value: number): string {
  return figureFormat.format(value);
}

const figureFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
