import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read aloud or copied by hand is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 16;
const GROUP = 4;

/** Characters people put between groups; they carry no meaning. */
const SEPARATORS = /[\s.-]/g;
/** Crockford's look-alikes, read as the symbol they resemble. */
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A new reference such as "K7PM-3XQ9-RT4W-HN2C": 16 symbols, each the low 5 bits of one random byte
 * (no modulo bias: 32 divides 256). A draw with no digit (about 1 in 400) is drawn again, so every
 * reference is recognised when typed on its own at the menu (findReference with requireDigit); that
 * leaves just under 80 bits of entropy.
 */
export function newReference(): string {
  for (;;) {
    const bytes = randomBytes(SYMBOLS);
    let symbols = '';
    for (const byte of bytes) symbols += ALPHABET.charAt(byte & 31);
    if (/[0-9]/.test(symbols)) return format(symbols);
  }
}

/**
 * The canonical form of a reference as someone typed it (any case, with spaces, hyphens or dots, O for 0,
 * I or L for 1), or undefined when it is not 16 valid symbols.
 */
export function normaliseReference(input: string): string | undefined {
  const typed = input.replace(SEPARATORS, '');
  // ASCII only before upper-casing: "ß".toUpperCase() is "SS".
  if (!/^[0-9a-z]*$/i.test(typed)) return undefined;
  const symbols = [...typed.toUpperCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');
  if (symbols.length !== SYMBOLS) return undefined;
  for (const c of symbols) if (!ALPHABET.includes(c)) return undefined;
  return format(symbols);
}

/**
 * The reference in a sentence ("my ref is k7pm 3xq9 rt4w hn2c"), or undefined. A candidate is a run of
 * words joined by spaces, hyphens or dots whose lengths are multiples of 4 and add up to 16 (so 4+4+4+4,
 * 8+8 or one 16-symbol word). Four plain four-letter words can look like one ("they went over here"), so a
 * candidate with a digit wins over one without; otherwise the first candidate wins. Where a message may
 * well be an ordinary question ("when will they come"), pass requireDigit: only candidates with a digit
 * count (every new reference has one; an older one without a digit is found once the reporter says "I have
 * a reference").
 */
export function findReference(text: string, options: { requireDigit?: boolean } = {}): string | undefined {
  const candidates = referenceCandidates(text);
  // Digits as typed: "over" reads as 0VER but is still a word.
  const withDigit = candidates.find((c) => /[0-9]/.test(c.typed));
  return (options.requireDigit ? withDigit : (withDigit ?? candidates[0]))?.ref;
}

function referenceCandidates(text: string): { ref: string; typed: string }[] {
  const found: { ref: string; typed: string }[] = [];
  // Runs of words joined by separators; anything else (commas, colons, quotes) ends a run.
  for (const run of text.match(/[0-9a-z]+(?:[\s.-]+[0-9a-z]+)*/gi) ?? []) {
    const words = run.split(/[\s.-]+/);
    for (let start = 0; start < words.length; start++) {
      let joined = '';
      for (let end = start; end < words.length && joined.length < SYMBOLS; end++) {
        const word = words[end] ?? '';
        if (word.length % GROUP !== 0) break;
        joined += word;
        const ref = joined.length === SYMBOLS ? normaliseReference(joined) : undefined;
        if (ref) found.push({ ref, typed: joined });
      }
    }
  }
  return found;
}

function format(symbols: string): string {
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}
