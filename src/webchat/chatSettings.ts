import { contrastRatio, MIN_TEXT_CONTRAST, parseHexColour } from './colourContrast';

/**
 * Languages the chat page may be shown in: Web Chat 4.18 must have strings for them. It has none for
 * Welsh (cy-GB), so English only for now.
 */
export const CHAT_LANGUAGES = ['en-GB'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

export const DEFAULT_TITLE = 'Clearsight chat';
/** Longer titles are refused (the default is used): they would not fit the launcher or the header. */
export const MAX_TITLE_LENGTH = 60;
/** GOV.UK blue with white text: 5.2:1. */
export const DEFAULT_COLOURS = { background: '#1d70b8', text: '#ffffff' } as const;

/** What the chat page is asked to look like, read from its query string (everything optional, all checked). */
export interface ChatSettings {
  language: ChatLanguage;
  title: string;
  /** Header background and text; a council's pair, or ours when theirs was missing or too low in contrast. */
  colours: { background: string; text: string };
  /** Web Chat's accent (buttons, links on white): the council's colour only if it reads well on white. */
  accent: string;
}

/** Reads `?lang=&title=&colour=&text-colour=`; anything missing or not acceptable gets the default. */
export function chatSettingsFrom(query: URLSearchParams): ChatSettings {
  const background = parseHexColour(query.get('colour'));
  const text = parseHexColour(query.get('text-colour'));
  const colours = background && text && contrastRatio(background, text) >= MIN_TEXT_CONTRAST ? { background, text } : { ...DEFAULT_COLOURS };
  return {
    language: chatLanguage(query.get('lang')),
    title: chatTitle(query.get('title')),
    colours,
    accent: contrastRatio(colours.background, '#ffffff') >= MIN_TEXT_CONTRAST ? colours.background : DEFAULT_COLOURS.background,
  };
}

/** The allow-listed language matching `raw` (any letter case), else en-GB. */
export function chatLanguage(raw: string | null): ChatLanguage {
  const wanted = raw?.toLowerCase();
  return CHAT_LANGUAGES.find((l) => l.toLowerCase() === wanted) ?? 'en-GB';
}

/** The title with control characters removed and spaces collapsed; the default if empty or too long. */
export function chatTitle(raw: string | null): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (raw ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned === '' || [...cleaned].length > MAX_TITLE_LENGTH ? DEFAULT_TITLE : cleaned;
}
