/**
 * Set in a turn's state when the safety check answered the message first. A dialog then treats the
 * message as an answer only where it makes sense (a report's free-text question), and otherwise just
 * asks its question again.
 */
export const SAFETY_ANSWERED = Symbol('clearsight.safetyAnswered');
