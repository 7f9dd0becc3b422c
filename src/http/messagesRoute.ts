import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { TurnQueue } from '../bot/turnQueue';
import { describeActivityProblem, inboundActivitySchema } from './activitySchema';
import { HttpError } from './httpError';
import { readJsonBody } from './readJsonBody';

/** Bodies above this are refused before parsing: 4,000 characters of text fit many times over. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  queue: TurnQueue;
  runTurn: (context: TurnContext) => Promise<void>;
}

/** POST /api/messages: the Bot Framework endpoint. The body is validated here, before the SDK sees it. */
export function messagesHandler({ adapter, queue, runTurn }: MessagesRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    const parsed = inboundActivitySchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad_request', describeActivityProblem(parsed.error));
    req.body = parsed.data;
    const conversationId = parsed.data.conversation.id;
    await adapter.process(req, res, (context) => queue.run(conversationId, () => runTurn(context)));
  };
}
