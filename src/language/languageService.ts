/** A piece of text that could identify someone: a phone number, an email, a name, an address... */
export interface PersonalDetail {
  /** The exact characters found, as they appear in the text. */
  text: string;
  /** Our own category names, whichever service found it. */
  category: PersonalDetailCategory;
  /** Where it starts in the text (UTF-16 code units, as JavaScript strings count). */
  offset: number;
  length: number;
}

export const PERSONAL_DETAIL_CATEGORIES = [
  'name',
  'phone',
  'email',
  'address',
  'postcode',
  'ni-number',
  'bank-account',
  'card-number',
  'social-handle',
  'ip-address',
  'other',
] as const;
export type PersonalDetailCategory = (typeof PERSONAL_DETAIL_CATEGORIES)[number];

export interface DetectedLanguage {
  /** ISO 639-1 code ("en", "pl", "ar"), or null when it could not tell. */
  code: string | null;
  confidence: number | null;
}

/** What a language service found in one text. */
export interface TextAnalysis {
  details: PersonalDetail[];
  language: DetectedLanguage;
  /** Which service produced this: the report records it. */
  detectedBy: 'azure' | 'local';
}

/**
 * Finds personal details and the language in what a reporter typed. Implementations: Azure AI Language
 * (when configured) and a local one (UK-aware patterns and a language detector), which is also the
 * fallback when Azure fails or is slow. Never logs the text.
 */
export interface LanguageService {
  analyse(texts: readonly string[]): Promise<TextAnalysis[]>;
}
