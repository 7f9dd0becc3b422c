import { toGsm7 } from './gsm7';
import { smsSegments } from './smsSegments';

/** SMS segments one turn of the bot may cost on a text channel: what a pay-as-you-go phone can afford. */
export const TURN_SEGMENTS = 3;

/** Whether text, as it will be sent (GSM-7 where it can be), costs at most `segments` SMS segments. */
export function fitsSms(text: string, segments = TURN_SEGMENTS): boolean {
  return smsSegments(toGsm7(text)) <= segments;
}

/** A piece of text that is never split across pages unless it alone is too long, and what joins it to the one before. */
export interface TextUnit {
  text: string;
  /** ' ' inside a paragraph, '\n' between lines, '\n\n' between paragraphs. */
  joiner: string;
}

/** A paragraph's sentences as units: the first starts a paragraph, the rest follow on the same line. */
export function sentenceUnits(paragraph: string, first = '\n\n'): TextUnit[] {
  return sentencesOf(paragraph).map((text, i) => ({ text, joiner: i === 0 ? first : ' ' }));
}

/** Splits at sentence ends (". ", "! ", "? " before a capital, digit or quote), keeping each sentence's full stop. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .trim()
    .split(/(?<=[.!?]["')\u201D\u2019]?)\s+(?=["'\u201C\u2018(]?[A-Z0-9])/)
    .filter((s) => s.length > 0);
}

/** Text of several paragraphs as sentence units, paragraphs kept apart. */
export function paragraphUnits(text: string): TextUnit[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .flatMap((p) => sentenceUnits(p.replace(/\s*\n\s*/g, ' ')));
}

/**
 * Packs units into as few pages as it can, in order, each page passing `fits`. A unit too long for a page of
 * its own is cut between words (it never happens with the shipped content, but no page may break the budget).
 */
export function packPages(units: readonly TextUnit[], fits: (page: string) => boolean): string[] {
  const pages: string[] = [];
  let page = '';
  for (const unit of units) {
    const joined = page ? `${page}${unit.joiner}${unit.text}` : unit.text;
    if (fits(joined)) {
      page = joined;
      continue;
    }
    if (page) pages.push(page);
    page = '';
    for (const piece of cutToFit(unit.text, fits)) {
      if (page) pages.push(page);
      page = piece;
    }
  }
  if (page) pages.push(page);
  return pages;
}

/** The text in pieces that each pass `fits`, cut between words. */
function cutToFit(text: string, fits: (page: string) => boolean): string[] {
  if (fits(text)) return [text];
  const pieces: string[] = [];
  let piece = '';
  for (const word of text.split(/\s+/)) {
    const joined = piece ? `${piece} ${word}` : word;
    if (fits(joined) || !piece) piece = joined;
    else {
      pieces.push(piece);
      piece = word;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
