import type { TurnContext } from 'botbuilder';
import { sendReply } from '../channels/sendReply';
import type { IdHasher } from '../logging/idHasher';
import { errorSummary, type Logger } from '../logging/logger';

export interface TurnErrorDeps {
  logger: Logger;
  hashId: IdHasher;
  /** Forgets the conversation's state, so the user is not stuck in a dialog that keeps failing. */
  clearConversation: (context: TurnContext) => Promise<void>;
  apology: string;
}

/**
 * The adapter's onTurnError: logs an error code (never the message), clears the conversation state,
 * and sends a calm apology with a way forward. Never throws.
 */
export function createTurnErrorHandler({ logger, hashId, clearConversation, apology }: TurnErrorDeps) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(
      { code: 'TURN_FAILED', err: errorSummary(error), conversation: hashId(context.activity.conversation?.id), channel: context.activity.channelId },
      'turn failed',
    );
    await clearConversation(context).catch((err: unknown) =>
      logger.warn({ code: 'STATE_CLEAR_FAILED', err: errorSummary(err) }, 'could not clear state after a failed turn'),
    );
    await sendReply(context, { text: apology }).catch(() => undefined);
  };
}
