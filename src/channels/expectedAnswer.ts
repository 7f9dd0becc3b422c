import type { TurnContext } from 'botbuilder';
import { normaliseAnswer } from '../text/normaliseAnswer';

/*
 * What a question in the person's own words asks for, when an answer of exactly that shape cannot say
 * anything else: an age ("16", "about 14", "13 or 14", "I'm 15"). Like an option picked from a list (see
 * offeredChoices), such an answer is judged by the safety check's rules alone, never its classifier: a bare
 * "16" is an age, not a cry for help. The rules still see every message.
 */

/** The kinds of answer a question can expect. */
export type AnswerShape = 'age';

const SHAPES: Readonly<Record<AnswerShape, RegExp>> = {
  age: /^(?:(?:i'?m|i am|he'?s|she'?s|they'?re|about|around|roughly|maybe|probably|nearly|almost|only|just) )?\d{1,2}(?: (?:or |to |and )?\d{1,2})?(?: (?:years? old|yrs?(?: old)?|yo|i think))?$/,
};

const EXPECTED = Symbol('clearsight.expectedAnswer');

/** Called for every reply sent: a question that expects a shape notes it; one with options clears it. */
export function noteExpected(context: TurnContext, shape: AnswerShape | undefined, hasChoices: boolean): void {
  if (shape) context.turnState.set(EXPECTED, shape);
  else if (hasChoices) context.turnState.delete(EXPECTED);
}

/** What the last question of this turn expects, to keep for the next one (undefined: nothing in particular). */
export function expectedThisTurn(context: TurnContext): AnswerShape | undefined {
  return context.turnState.get(EXPECTED) as AnswerShape | undefined;
}

/** Whether the whole text is an answer of the expected shape. */
export function isExpectedAnswer(text: string, shape: AnswerShape | undefined): boolean {
  return shape !== undefined && SHAPES[shape].test(normaliseAnswer(text));
}
