import { normaliseAnswer } from '../text/normaliseAnswer';

const GREETINGS = new Set([
  'hi', 'hiya', 'hello', 'hey', 'heya', 'yo', 'start', 'get started', 'good morning', 'good afternoon',
  'good evening', 'hi there', 'hello there', 'ey up', 'alright', 'now then',
]);

/** A message that only says hello, and so should get the menu rather than be treated as a question. */
export function isGreeting(text: string | undefined): boolean {
  if (!text) return true;
  return GREETINGS.has(normaliseAnswer(text));
}
