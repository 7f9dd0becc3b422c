import type { TurnContext } from 'botbuilder';
import { OUTCOME_TOLD } from '../../dialogs/turnFlags';
import { sendReply } from '../channels/sendReply';
import type { IdHasher } from '../logging/idHasher';
import { errorSummary, type Logger } from '../logging/logger';
import { FencedOutError } from '../storage/writeFence';
import { TurnLockTimeoutError } from './turnLock';

export interface TurnErrorDeps {
  logger: Logger;
  hashId: IdHasher;
  /** Forgets the conversation's state, so the user is not stuck in a dialog that keeps failing. */
  clearConversation: (context: TurnContext) => Promise<void>;
  apology: string;
  /** Said instead when even clearing failed (storage unreachable): nothing was cleared, so nothing is said to be. */
  unavailable: string;
}

/**
 * The adapter's onTurnError: logs an error code (never the message), clears the conversation state,
 * and sends a calm apology with a way forward. Never throws. A turn that already told the reporter what became
 * of their report (OUTCOME_TOLD: it failed after that, saving the conversation) gets nothing more: no second,
 * contradictory message, and the state is left as it was saved, so "Send it" again finds the same submission.
 * A turn that never ran because its conversation stayed busy (TurnLockTimeoutError) clears nothing either: the
 * person is asked to try again in a minute, with everything they said still there. Nor does a turn that lost its
 * lock to a later one while it ran (FencedOutError): the later turn's state is the one to keep.
 */
export function createTurnErrorHandler({ logger, hashId, clearConversation, apology, unavailable }: TurnErrorDeps) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const told = context.turnState.get(OUTCOME_TOLD) === true;
    logger.error(
      { code: told ? 'TURN_FAILED_AFTER_OUTCOME' : 'TURN_FAILED', err: errorSummary(error), conversation: hashId(context.activity.conversation?.id), channel: context.activity.channelId },
      'turn failed',
    );
    if (told) return;
    // The conversation was busy (its lock held past the wait), or a later turn holds it now: nothing in it
    // failed, so nothing is cleared.
    if (error instanceof TurnLockTimeoutError || error instanceof FencedOutError) {
      await sendReply(context, { text: unavailable }).catch(() => undefined);
      return;
    }
    const cleared = await clearConversation(context).then(
      () => true,
      (err: unknown) => {
        logger.warn({ code: 'STATE_CLEAR_FAILED', err: errorSummary(err) }, 'could not clear state after a failed turn');
        return false;
      },
    );
    await sendReply(context, { text: cleared ? apology : unavailable }).catch(() => undefined);
  };
}
