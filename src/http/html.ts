/**
 * Markup that is safe to send: every string interpolated into an html`` template is escaped, so reporter
 * text can only ever show as text. Html values (made by html`` itself) are the one thing passed through.
 */

const brand: unique symbol = Symbol('Html');

/** Markup made by html`` (or, for constant markup only, trustedHtml): never from a string at run time. */
export class Html {
  readonly #markup: string;

  constructor(token: typeof brand, markup: string) {
    // The token is private to this module: nothing else can wrap a string as markup.
    if (token !== brand) throw new TypeError('Html values are made by html`` only');
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** What a template may interpolate. Nothing (null, undefined, false) renders as nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as it may appear in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  // Types forbid anything else; refuse at run time too rather than print "[object Object]".
  throw new TypeError(`html: cannot interpolate a ${typeof value}`);
}

/** The template tag: the literal parts are markup, every interpolated value is escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(brand, out);
}

/**
 * Constant markup written in the source (a string literal, checked by the type): never text from a request,
 * a store or a file.
 */
export function trustedHtml<T extends string>(constantMarkup: string extends T ? never : T): Html {
  return new Html(brand, constantMarkup);
}
