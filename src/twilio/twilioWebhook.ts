import { createHmac } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { TurnLockTimeoutError } from '../bot/turnLock';
import type { RateLimit } from '../directline/rateWindow';
import { HttpError } from '../http/httpError';
import { readFormBody } from '../http/readFormBody';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { isStoreUnavailable } from '../storage/storeUnavailable';
import type { TwilioAdapter } from './twilioAdapter';
import { signatureMatches } from './twilioSignature';
import { twimlMessages } from './twiml';

export const TWILIO_PATH = '/api/twilio/messages';

/** Twilio's form is a few hundred bytes; an SMS body is at most 1,600 characters, a WhatsApp one 4,096. */
const MAX_BODY_BYTES = 32 * 1024;

/**
 * The fields of Twilio's incoming-message webhook this service reads (Twilio sends more, such as the
 * sender's city or WhatsApp profile name: they are signed, so they must be accepted, and are never read).
 */
const inboundSchema = z.object({
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/),
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/),
  From: z.string().min(3).max(64),
  Body: z.string().max(5000).default(''),
});

export interface TwilioWebhookDeps {
  accountSid: string;
  authToken: string;
  /** The origin (and any path prefix) Twilio calls: the signature covers it. */
  publicBaseUrl: string;
  adapter: TwilioAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  /** Serialises the turns of one conversation (the app's TurnQueue, with its lock across servers). */
  queue: <T>(conversationId: string, turn: () => Promise<T>) => Promise<T>;
  /** Keys the sender's number into a conversation id; never logged, never stored. */
  senderKey: Buffer | string;
  /** Texts per sender per minute. */
  messages: RateLimit;
  /** Each MessageSid once a day: a request replayed as it was (signature and all) runs no second turn. */
  seen: RateLimit;
  /** Said when the turn could not run (the conversation busy on another server, or storage out of reach). */
  unavailable: string;
  logger: Logger;
  now?: () => Date;
}

/** The channel a text came in on: WhatsApp numbers come as "whatsapp:+44…". */
export function channelOf(from: string): 'sms' | 'whatsapp' {
  return from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/**
 * The conversation for a sender on a channel: a keyed hash of the number, the same on every server and after
 * a restart, from which the number cannot be found without the key. The number itself goes no further.
 */
export function senderConversationId(key: Buffer | string, from: string): string {
  return `tw-${createHmac('sha256', key).update(`${channelOf(from)}\n${from}`).digest('base64url').slice(0, 32)}`;
}

/**
 * POST /api/twilio/messages: Twilio's webhook for SMS and WhatsApp. Checks the signature over the public URL
 * and the posted fields (403 otherwise) and the account (403 for another), runs the turn through the same bot,
 * and answers with TwiML: one <Message> per text the bot sent.
 */
export function twilioWebhookRoute(deps: TwilioWebhookDeps): Route {
  const now = deps.now ?? (() => new Date());
  return {
    method: 'post',
    path: TWILIO_PATH,
    handler: async (req: Request, res: Response) => {
      const fields = await readFormBody(req, MAX_BODY_BYTES);
      const signature = req.headers['x-twilio-signature'];
      const url = `${deps.publicBaseUrl}${req.url ?? TWILIO_PATH}`;
      if (!signatureMatches(deps.authToken, typeof signature === 'string' ? signature : undefined, url, fields)) {
        throw new HttpError(403, 'forbidden', 'The request is not signed by Twilio for this service.');
      }
      const parsed = inboundSchema.safeParse(fields);
      if (!parsed.success) throw new HttpError(400, 'bad_request', `Not a Twilio message: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} missing or malformed.`);
      const { AccountSid, MessageSid, From, Body } = parsed.data;
      if (AccountSid !== deps.accountSid) throw new HttpError(403, 'forbidden', 'The request comes from another Twilio account.');

      const channelId = channelOf(From);
      const conversationId = senderConversationId(deps.senderKey, From);
      // A replay of a request already answered (the same MessageSid): nothing again, so that whoever replays it
      // learns nothing of the conversation from a second answer.
      if (!(await allowedUnlessUnreachable(deps.seen, MessageSid))) {
        deps.logger.warn({ code: 'TWILIO_REPLAYED', channel: channelId }, 'a message already answered came again');
        sendTwiml(res, []);
        return;
      }
      if (!(await allowedUnlessUnreachable(deps.messages, conversationId))) {
        // Silence rather than a reply per text: each reply costs, and a flood should not run up a bill.
        deps.logger.warn({ code: 'TWILIO_RATE_LIMITED', channel: channelId }, 'a sender passed the texts-per-minute limit');
        sendTwiml(res, []);
        return;
      }
      const activity: Partial<Activity> = {
        type: 'message',
        id: MessageSid,
        channelId,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: conversationId, name: '', role: 'user' },
        recipient: { id: 'clearsight', name: 'Clearsight', role: 'bot' },
        text: Body,
        timestamp: now(),
        locale: 'en-GB',
      };
      let texts: string[];
      try {
        texts = await deps.queue(conversationId, () => deps.adapter.processActivity(activity, deps.runTurn));
      } catch (err) {
        // The turn never ran. Twilio does not retry a webhook, so say so in the answer instead of a 503.
        if (!(err instanceof TurnLockTimeoutError || isStoreUnavailable(err))) throw err;
        deps.logger.warn({ code: 'TWILIO_TURN_NOT_RUN', channel: channelId, reason: err instanceof TurnLockTimeoutError ? 'busy' : 'store unavailable' }, 'a text could not be answered');
        texts = [deps.unavailable];
      }
      sendTwiml(res, texts);
    },
  };
}

/**
 * Counts one for the key; with the store the count lives in out of reach, allows it: the text is answered
 * anyway (and the turn says "try again" if the bot's own store is down too).
 */
async function allowedUnlessUnreachable(limit: RateLimit, key: string): Promise<boolean> {
  try {
    return (await limit.hit(key)).allowed;
  } catch (err) {
    if (!isStoreUnavailable(err)) throw err;
    return true;
  }
}

function sendTwiml(res: Response, texts: readonly string[]): void {
  const body = twimlMessages(texts);
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}
