import type { LanguageIdentifier } from '../language/languageModel';
import { detectLanguage } from '../language/detectLanguage';
import { BLOCK_LANGUAGES, type BlockLanguage } from './safetyLanguages';

/*
 * Which language block a message needs: one of the supported languages, "other" for any other language
 * (the block is then shown in English), or none for English and for text too short to tell.
 * Two opinions: our identifier, trained on how people type English and the eight supported languages on
 * phones (accents left off, Urdu and Punjabi in Latin letters), decides between those nine; the general
 * detector (tinyld, through detectLanguage) is what notices a language the identifier was never shown.
 */

export type MessageLanguage = BlockLanguage | 'other';

/** Below this many letters a message is too short to call (a "ok", a "no"): it gets no block. */
const MIN_LETTERS = 4;
/** How sure the identifier must be to give a block in one of the eight languages. */
const SURE = 0.6;
/**
 * The language is judged on the start of a message only: a thousand characters tell the language as well
 * as four thousand, and the general detector's cost grows with the text (a long message cost 25 times a
 * "menu" turn before this cut).
 */
export const MAX_LANGUAGE_CHARS = 1000;

const isBlockLanguage = (code: string): code is BlockLanguage => (BLOCK_LANGUAGES as readonly string[]).includes(code);
const KNOWN = new Set<string>(['en', ...BLOCK_LANGUAGES]);

/** Cyrillic that is not Ukrainian: letters Ukrainian does not use, and none of the ones only it uses. */
function otherCyrillic(text: string): boolean {
  return /[ыэъё]/iu.test(text) && !/[іїєґ]/iu.test(text);
}

export function messageLanguage(whole: string, identifier: LanguageIdentifier): MessageLanguage | undefined {
  const text = whole.length > MAX_LANGUAGE_CHARS ? whole.slice(0, MAX_LANGUAGE_CHARS) : whole;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return undefined;
  if (/\p{Script=Cyrillic}/u.test(text) && otherCyrillic(text)) return 'other';
  const { language, probability } = identifier.identify(text);
  // Most messages are plainly one of the nine: no second opinion needed.
  if (language === 'en' && (probability >= 0.9 || letters < 20)) return undefined;
  if (language !== 'en' && probability >= 0.9) return language;
  // Not sure: the general detector's confident answer settles it, or names a language the identifier never saw.
  const general = detectLanguage(text);
  if (general.code !== null && (general.confidence ?? 0) >= 0.5) {
    if (isBlockLanguage(general.code)) return general.code;
    if (!KNOWN.has(general.code)) return 'other';
  }
  return language !== 'en' && probability >= SURE ? language : undefined;
}
