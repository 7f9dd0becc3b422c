import { foldText, tokensOf } from '../classifier/foldText';
import type { Lexicon } from './lexicon';

/*
 * A question as the answer picker reads it: the words as typed (folded, for letter groups that survive
 * misspellings), and the lexicon's terms (stems, with slang and synonyms turned into concepts). Every
 * step is linear in the length of the message, and the message is cut first, so no message costs more
 * than a few times a short one.
 */

/** Longest text looked at: about 600 words, several times the longest question in the corpus. */
export const MAX_QUESTION_CHARS = 3000;
/** Most words looked at. */
export const MAX_QUESTION_WORDS = 600;

export interface QuestionParts {
  tokens: string[];
  terms: string[];
}

export function questionParts(text: string, lexicon: Lexicon): QuestionParts {
  const cut = text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text;
  return {
    tokens: tokensOf(foldText(cut)).slice(0, MAX_QUESTION_WORDS),
    terms: lexicon.terms(cut).slice(0, MAX_QUESTION_WORDS),
  };
}

/** Words in a window of a long message. */
export const WINDOW_WORDS = 24;

/**
 * The sentences of a long message, joined into pieces of about WINDOW_WORDS words: a question after a
 * long story is scored on its own as well as with the story. Short messages are one piece.
 */
export function questionWindows(text: string): string[] {
  const cut = text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text;
  const sentences = cut
    .split(/(?<=[.?!\n])\s+|\s+(?=(?:but|so|and|anyway|basically|also)\s)/i)
    .map((s) => s.trim())
    .filter(Boolean);
  const windows: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const n = sentence.split(/\s+/).length;
    if (words && words + n > WINDOW_WORDS) {
      windows.push(current.join(' '));
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += n;
  }
  if (current.length) windows.push(current.join(' '));
  return windows.length > 1 ? windows : [];
}
