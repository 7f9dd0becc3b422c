/**
 * GSM 03.38, the 7-bit alphabet of SMS. One character outside it turns a whole text into UCS-2, which
 * fits 70 characters in a segment instead of 160, so a reply costs two or three times as much to receive
 * on a pay-as-you-go phone.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each of these costs two septets (an escape, then the character). */
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** Typographic characters and their plain equivalents: the same meaning in GSM-7. */
const EQUIVALENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  // Non-breaking, narrow, thin and other fixed-width spaces; tabs.
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' '],
  // A bullet starting a line becomes a dash; anywhere else a comma-like break.
  [/^[ ]*[\u2022\u2023\u25E6\u2043\u2219\u25AA\u25CF\u00B7\u2027][ ]*/gm, '- '],
  [/[ ]*[\u2022\u2023\u25E6\u2043\u2219\u25AA\u25CF\u00B7\u2027][ ]*/g, ' - '],
  [/[\u2192\u27F6\u21D2]/g, '->'],
  [/\u00D7/g, 'x'],
  [/\u00BD/g, '1/2'],
  [/\u2122/g, '(TM)'],
  [/\u00A9/g, '(c)'],
  [/\u00AE/g, '(R)'],
  [/\r\n/g, '\n'],
];

/** Characters that carry no meaning in a text: zero-width and direction marks, variation selectors. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2069\uFEFF]|\p{Variation_Selector}/gu;

export function isGsm7Char(ch: string): boolean {
  return BASIC_SET.has(ch) || EXTENSION_SET.has(ch);
}

/** Whether every character of the text can be sent in GSM-7. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!isGsm7Char(ch)) return false;
  return true;
}

/** Septets the character takes: 2 for the extension table, 1 for the basic set. */
export function septets(ch: string): 1 | 2 {
  return EXTENSION_SET.has(ch) ? 2 : 1;
}

/**
 * Writes text in GSM-7 without changing what it says: curly quotes, dashes, ellipses, bullets and odd spaces
 * become their plain forms, accents GSM-7 lacks are taken off (naïve → naive), and emoji, symbols and
 * invisible marks are dropped. A text with letters GSM-7 cannot write at all (Arabic, Urdu, Punjabi,
 * Ukrainian, Polish ł...) is left in its own script apart from its typography: transliterating a safety
 * message would change it, so it goes as UCS-2.
 */
export function toGsm7(text: string): string {
  let out = text.replace(INVISIBLE, '');
  for (const [pattern, plain] of EQUIVALENTS) out = out.replace(pattern, plain);
  if (isGsm7(out)) return out;
  let written = '';
  for (const ch of out) {
    const plain = plainLetter(ch);
    if (plain === undefined) return ownScript(text);
    written += plain;
  }
  return written.replace(/[ ]{2,}/g, ' ').replace(/[ ]+\n/g, '\n').trim();
}

/**
 * The GSM-7 form of one character: itself, its letter without accents, '' for something that carries no
 * words (emoji, pictographs, symbols), or undefined for a letter or digit GSM-7 cannot write.
 */
function plainLetter(ch: string): string | undefined {
  if (isGsm7Char(ch)) return ch;
  const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (bare && isGsm7(bare)) return bare;
  if (/[\p{L}\p{N}]/u.test(ch)) return undefined;
  return '';
}

/** A text kept in its script: only the spacing and invisible marks that never carry meaning are tidied. */
function ownScript(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
