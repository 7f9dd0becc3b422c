import { createHmac } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../config/config';
import type { RateWindows } from '../directline/rateWindow';
import { loadTokenKey } from '../directline/tokenKey';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { TwilioAdapter } from './twilioAdapter';
import { twilioWebhookRoute } from './twilioWebhook';

export interface TwilioDeps {
  logger: Logger;
  runTurn: (context: TurnContext) => Promise<void>;
  queue: <T>(conversationId: string, turn: () => Promise<T>) => Promise<T>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  rateWindows: RateWindows;
  unavailable: string;
  now?: () => Date;
}

/**
 * The key senders' numbers are hashed under: LOG_HASH_KEY (required in production, the same on every server),
 * or without it a key derived from the one generated into DATA_DIR, so conversations survive a restart.
 */
export function senderKeyFor(config: Config): Buffer | string {
  if (config.LOG_HASH_KEY) return createHmac('sha256', config.LOG_HASH_KEY).update('twilio-senders').digest();
  return createHmac('sha256', loadTokenKey({ DATA_DIR: config.DATA_DIR })).update('twilio-senders').digest();
}

/** The Twilio webhook's routes: none unless TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. */
export function createTwilio(config: Config, deps: TwilioDeps): Route[] {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN || !config.PUBLIC_BASE_URL) return [];
  const adapter = new TwilioAdapter();
  adapter.onTurnError = deps.onTurnError;
  const senderKey = senderKeyFor(config);
  return [
    twilioWebhookRoute({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      adapter,
      runTurn: deps.runTurn,
      queue: deps.queue,
      senderKey,
      messages: deps.rateWindows('twilio-messages', config.TWILIO_MESSAGES_PER_MINUTE, 60_000, senderKey),
      seen: deps.rateWindows('twilio-message-ids', 1, 24 * 60 * 60_000, senderKey),
      unavailable: deps.unavailable,
      logger: deps.logger,
      now: deps.now,
    }),
  ];
}
