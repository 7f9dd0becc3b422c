import type { IndicatorArea } from '../indicators/indicatorMeasures';
import type { AreaId } from '../signposting/areas';

/** How a question turn ended, as the person saw it. */
export type AnswerOutcome = 'answered' | 'did-you-mean' | 'no-answer';

/** The safety replies the bot gives: the emergency replies, a disclosure's reply, and "Is someone in danger right now?". */
export type SafetyEventKind = 'danger' | 'self-harm' | 'disclosure' | 'check-in';

/**
 * What the bot tells whoever counts things (the partnership's indicators, the operators' metrics). Each
 * event carries closed values only: a kind, an answer topic, a council area the person named (or null),
 * a channel id. Never text, a reference, a conversation id or anything else that points at a person.
 * Listeners must not throw or make the turn wait.
 */
export interface ServiceEvents {
  /** The bot gave a safety reply, or asked the check-in question. */
  safetyReply(kind: SafetyEventKind, area: AreaId | null): void;
  /** A question turn ended: answered (with the answer's topic), "did you mean", or no answer. */
  answer(outcome: AnswerOutcome, topic: string | null, area: AreaId | null): void;
  /** A reporter came back with the reference of a stored concern (counted under that concern's area). */
  reporterReturned(area: IndicatorArea): void;
}

/** Listens to nothing: for tests and tools that run the bot without counting. */
export const NO_EVENTS: ServiceEvents = { safetyReply: () => undefined, answer: () => undefined, reporterReturned: () => undefined };

/** One ServiceEvents that tells each of `listeners` in turn; one that throws does not stop the others. */
export function fanOut(listeners: readonly Partial<ServiceEvents>[]): ServiceEvents {
  const each =
    <K extends keyof ServiceEvents>(key: K) =>
    (...args: Parameters<ServiceEvents[K]>) => {
      for (const listener of listeners) {
        try {
          (listener[key] as ((...a: Parameters<ServiceEvents[K]>) => void) | undefined)?.(...args);
        } catch {
          // A listener's fault is its own: counting never breaks a turn.
        }
      }
    };
  return { safetyReply: each('safetyReply'), answer: each('answer'), reporterReturned: each('reporterReturned') };
}
