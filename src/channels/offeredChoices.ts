import type { TurnContext } from 'botbuilder';
import { normaliseAnswer } from '../text/normaliseAnswer';
import type { Choice } from './reply';

/*
 * The options the bot offered in its last reply (buttons, or numbered options on SMS). A message that is
 * exactly one of them (the button's own words, a synonym, or its number) is an answer picked from our
 * list, not someone's own words: the safety check's classifier does not judge our own button labels
 * ("Delete it", "Tell me more"), while its rules still see every message.
 */

const OFFERED = Symbol('clearsight.offeredChoices');

/** The options as kept between turns: each option's words, normalised. */
export type OfferedChoices = string[][];

/** Called for every reply sent: the last reply with options in a turn is what the person sees next. */
export function noteOffered(context: TurnContext, choices: readonly Choice[] | undefined): void {
  if (choices?.length) context.turnState.set(OFFERED, choices.map((c) => [c.label, ...(c.synonyms ?? [])].map(normaliseAnswer)));
}

/** What this turn offered, to keep for the next one (undefined: nothing was offered). */
export function offeredThisTurn(context: TurnContext): OfferedChoices | undefined {
  return context.turnState.get(OFFERED) as OfferedChoices | undefined;
}

/** Whether the text is exactly one of the offered options: its words, a synonym, or its number. */
export function isOfferedAnswer(text: string, offered: OfferedChoices | undefined): boolean {
  if (!offered?.length) return false;
  const answer = normaliseAnswer(text);
  if (answer === '') return false;
  const number = /^\d{1,2}$/.test(answer) ? Number(answer) : undefined;
  if (number !== undefined) return number >= 1 && number <= offered.length;
  return offered.some((words) => words.includes(answer));
}
