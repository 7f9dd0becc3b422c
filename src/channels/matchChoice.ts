import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Choice } from './reply';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Longer than this, a message that merely contains an option's words is something said, not a pick. */
const SHORT_PICK_WORDS = 6;
const QUESTION_START = /^(?:what|whats|wat|wot|how|can|could|will|would|where|were|who|why|when|wen|do|does|is|are|should|if|am|have|has)\b/;

export interface MatchOptions {
  /**
   * The prompt also takes free text (the menu takes questions): then an option's words inside a question
   * or a longer message ("will the police come round if I report it") do not pick that option.
   */
  freeText?: boolean;
}

/** A message that reads as a question or a story rather than a pick from a list. */
export function readsAsQuestion(text: string): boolean {
  const answer = normaliseAnswer(text);
  return text.includes('?') || QUESTION_START.test(answer) || answer.split(' ').length > SHORT_PICK_WORDS;
}

/**
 * Finds the option a user meant: by its number ("2", "2.", "two", "option 2"), its label, or a synonym.
 * Returns undefined when the answer picks no option, or could mean more than one.
 */
export function matchChoice(text: string, choices: readonly Choice[], options: MatchOptions = {}): Choice | undefined {
  const answer = normaliseAnswer(text);
  if (answer === '') return undefined;
  const byNumber = numberOf(answer);
  if (byNumber !== undefined) return choices[byNumber - 1];
  const whole = matchWholeLabel(answer, choices);
  if (whole) return whole;
  if (options.freeText && readsAsQuestion(text)) return undefined;
  // "the report one please" → the single option whose label or synonym appears in the answer.
  const contained = choices.filter((c) => phrasesOf(c).some((p) => containsPhrase(answer, p)));
  return contained.length === 1 ? contained[0] : undefined;
}

function numberOf(answer: string): number | undefined {
  const m = /^(?:option |number |no )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine)$/.exec(answer);
  if (!m?.[1]) return undefined;
  const word = NUMBER_WORDS.indexOf(m[1]);
  return word >= 0 ? word + 1 : Number(m[1]);
}

function phrasesOf(choice: Choice): string[] {
  return [choice.label, ...(choice.synonyms ?? [])].map(normaliseAnswer).filter((p) => p.length > 0);
}

function containsPhrase(answer: string, phrase: string): boolean {
  return ` ${answer} `.includes(` ${phrase} `);
}

/** The option whose label or synonym is the whole answer; no numbers, no partial matches. */
export function matchWholeLabel(text: string, choices: readonly Choice[]): Choice | undefined {
  const answer = normaliseAnswer(text);
  const exact = choices.filter((c) => phrasesOf(c).some((p) => p === answer));
  return exact.length === 1 ? exact[0] : undefined;
}
