import type { PersonalDetail, PersonalDetailCategory } from './languageService';

/** Finds one kind of personal detail in a text. */
export type DetailFinder = (text: string) => PersonalDetail[];

export interface PatternOptions {
  /** Keeps a match only when this says so (a checksum, a stop-list...). Gets the detail's text. */
  accept?: (detail: string) => boolean;
}

/**
 * A finder from a regular expression with the `g` and `d` flags. When the pattern has a named group
 * `detail`, only that part is the detail (so that cue words such as "sort code" stay in the text).
 */
export function patternFinder(pattern: RegExp, category: PersonalDetailCategory, options: PatternOptions = {}): DetailFinder {
  if (!pattern.global || !pattern.hasIndices) throw new Error('patternFinder needs the g and d flags');
  return (text) => {
    const found: PersonalDetail[] = [];
    for (const match of text.matchAll(pattern)) {
      const span = match.indices?.groups?.detail ?? match.indices?.[0];
      if (!span) continue;
      const detail = text.slice(span[0], span[1]);
      if (detail && (options.accept?.(detail) ?? true)) {
        found.push({ text: detail, category, offset: span[0], length: detail.length });
      }
    }
    return found;
  };
}
