/*
 * The text the safety classifier reads. Folding makes the many ways one word is typed on a phone look
 * alike: case, curly quotes, apostrophes, Latin diacritics left off ("nóż" and "noz"), letters held down
 * ("pleeeease"). Words in other scripts keep their marks: in Gurmukhi or Arabic they are part of the word.
 */

/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN_EXTRA: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h' };
const LATIN_EXTRA_PATTERN = new RegExp(`[${Object.keys(LATIN_EXTRA).join('')}]`, 'g');

/** Lower case, apostrophes dropped, Latin diacritics folded, runs of 3+ of one letter cut to two. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`'ʼ]/g, '')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(LATIN_EXTRA_PATTERN, (c) => LATIN_EXTRA[c] ?? c)
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Words (letters with their marks, and digits) and single emoji, in order. */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\p{Extended_Pictographic}/gu;

export function tokensOf(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
}
