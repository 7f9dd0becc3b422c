/**
 * Set in a turn's state when the safety check answered the message first. A dialog then treats the
 * message as an answer only where it makes sense (a report's free-text question), and otherwise just
 * asks its question again.
 */
export const SAFETY_ANSWERED = Symbol('clearsight.safetyAnswered');

/**
 * Set in a turn's state once the turn has told the reporter what became of their report (received with its
 * reference, or not sent). A failure after that (saving the conversation) adds no second message: the turn
 * error handler logs it and says nothing, so a reply never says "received" and "try again" together.
 */
export const OUTCOME_TOLD = Symbol('clearsight.outcomeTold');
