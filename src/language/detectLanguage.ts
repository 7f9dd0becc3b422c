import type * as Tinyld from 'tinyld';
import type { DetectedLanguage } from './languageService';

/*
 * Local language detection: tinyld (n-grams), with guards so that a short or ambiguous English-looking
 * message comes out as English or unknown rather than as a wrong, exotic language ("Hello" is Italian to
 * tinyld). tinyld knows neither Welsh nor Punjabi in Gurmukhi: a word list and the script cover those.
 */

let tinyld: typeof Tinyld | undefined;

/**
 * tinyld builds its n-gram tables when it is first required, a fifth of a second of CPU: loaded on first
 * use (or by preloadLanguageDetection once the service is listening), not while the service starts.
 */
function detectAll(text: string): ReturnType<typeof Tinyld.detectAll> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, on purpose (see above)
  tinyld ??= require('tinyld') as typeof Tinyld;
  return tinyld.detectAll(text);
}

/** Loads tinyld now, so that the first message that needs it does not wait for it. */
export function preloadLanguageDetection(): void {
  detectAll('preload');
}

const UNKNOWN: DetectedLanguage = { code: null, confidence: null };
/** Below this many letters, n-grams guess; only scripts, word lists and certain answers count. */
const SHORT = 20;

/** Scripts used by one language only (Arabic, Cyrillic, Devanagari, Ethiopic and Latin are shared). */
const SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Gurmukhi}/gu, 'pa'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Gujarati}/gu, 'gu'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Telugu}/gu, 'te'],
  [/\p{Script=Kannada}/gu, 'kn'],
  [/\p{Script=Malayalam}/gu, 'ml'],
  [/\p{Script=Sinhala}/gu, 'si'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Myanmar}/gu, 'my'],
];

/** Common English words: enough of them and a short or doubtful text is English. */
const ENGLISH = new Set(
  `a about after all am an and any are as at be been but by can could did do does dont for from get got
  had has have he help her hello hi him his how i im in is it its just know me my no not now of ok okay on
  or our out please she so some son daughter that the their them there they think this to up us was we
  were what when where who why will with worried yes you your thanks thank cheers sorry kid kids boy girl
  lad lads mum dad child police school home money phone`.split(/\s+/),
);

/** Welsh words that are not also English ones, and short ones that are both. */
const WELSH_ONLY = new Set(
  `mae yn yr fy ei eu ein wedi ddim oedd roedd rydw rwy dw ydy ydw gyda hefyd mewn efo nhw chi ond achos
  poeni mab heddlu helpu diolch ysgol gartref cartref arian ffôn sydd gan dros ac`.split(/\s+/),
);
const WELSH = new Set([...WELSH_ONLY, 'am', 'i', 'ar', 'o', 'a', 'hi', 'fo', 'dim', 'nos']);

/** Codes tinyld gives that are never right for a UK report (Welsh comes out as Icelandic, Somali as Berber). */
const IMPLAUSIBLE = new Set(['la', 'eo', 'vo', 'is', 'tlh', 'ber', 'ia', 'io']);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}’']+/gu)?.map((w) => w.replace(/[’']/g, '')) ?? [];
}

function share(list: readonly string[], vocabulary: ReadonlySet<string>): number {
  return list.length ? list.filter((w) => vocabulary.has(w)).length / list.length : 0;
}

function byScript(text: string, letters: number): DetectedLanguage | undefined {
  for (const [pattern, code] of SCRIPTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count / letters >= 0.5) return { code, confidence: 0.9 };
  }
  return undefined;
}

function welsh(list: readonly string[]): DetectedLanguage | undefined {
  const distinct = new Set(list.filter((w) => WELSH_ONLY.has(w)));
  if (distinct.size >= 2 && share(list, WELSH) >= 0.3) return { code: 'cy', confidence: 0.8 };
  return undefined;
}

function englishLooking(list: readonly string[]): DetectedLanguage | undefined {
  const s = share(list, ENGLISH);
  return s >= 0.3 ? { code: 'en', confidence: Math.round(Math.min(0.9, 0.5 + s / 2) * 100) / 100 } : undefined;
}

/** The language of one text, or unknown (both null) when it cannot tell. */
export function detectLanguage(text: string): DetectedLanguage {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return UNKNOWN;
  const list = words(text);
  const known = byScript(text, letters) ?? welsh(list);
  if (known) return known;

  const [top, second] = detectAll(text);
  const code = top && /^[a-z]{2}$/.test(top.lang) && !IMPLAUSIBLE.has(top.lang) ? top.lang : undefined;
  // tinyld's scores are not probabilities: the lead over the runner-up says how sure it is.
  const confidence = top ? Math.round(((top.accuracy - (second?.accuracy ?? 0)) / top.accuracy) * 100) / 100 : 0;
  const nonAscii = /[^\P{L}a-zA-Z]/u.test(text); // a letter beyond a–z: "ó", "ş", "я" (a curly apostrophe is not one)

  if (letters < SHORT) {
    // Short: believe tinyld only when it has no doubt and the text is English or shows letters beyond a–z.
    if (code && confidence >= 0.9 && (code === 'en' || nonAscii)) return { code, confidence };
    return englishLooking(list) ?? UNKNOWN;
  }
  if (code === 'en') return confidence >= 0.3 ? { code, confidence } : (englishLooking(list) ?? { code, confidence });
  if (code && confidence >= 0.3) {
    // A doubtful answer for a–z text that reads as English is English.
    return (confidence < 0.6 && !nonAscii && englishLooking(list)) || { code, confidence };
  }
  return englishLooking(list) ?? UNKNOWN;
}
