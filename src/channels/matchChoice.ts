import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Choice } from './reply';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * Finds the option a user meant: by its number ("2", "2.", "two", "option 2"), its label, or a synonym.
 * Returns undefined when the answer picks no option, or could mean more than one.
 */
export function matchChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const answer = normaliseAnswer(text);
  if (answer === '') return undefined;
  const byNumber = numberOf(answer);
  if (byNumber !== undefined) return choices[byNumber - 1];
  const whole = matchWholeLabel(answer, choices);
  if (whole) return whole;
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
