import { createHmac, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import type { Config } from '../config/config';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import { azureTokenRoute } from './azureTokenRoute';
import type { ConversationStore } from './conversationStore';
import { DirectLineAdapter } from './directLineAdapter';
import { directLineRoutes } from './directLineRoutes';
import { attachDirectLineStream } from './directLineStream';
import { DirectLineService } from './directLineService';
import { FeedSignal } from './feedSignal';
import { DirectLineTokens } from './directLineTokens';
import type { RateWindows } from './rateWindow';
import { TurnLockTimeoutError } from '../bot/turnLock';
import { HttpError } from '../http/httpError';
import { loadTokenKey } from './tokenKey';

export interface DirectLineDeps {
  logger: Logger;
  /** The bot's turn (the same bot as /api/messages). */
  runTurn: (context: TurnContext) => Promise<void>;
  /** Serialises the turns of one conversation (the app's TurnQueue). */
  queue: <T>(conversationId: string, turn: () => Promise<T>) => Promise<T>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Where conversations live: Redis or the embedded database (openStores chooses). */
  conversations: ConversationStore;
  /** Where rate limits count: Redis (every server) or this process's memory. */
  rateWindows: RateWindows;
  now?: () => Date;
}

export interface DirectLine {
  routes: Route[];
  service: DirectLineService;
  store: ConversationStore;
  start(): void;
  /** Serves the WebSocket stream on the app's HTTP server (when DIRECTLINE_WEBSOCKET is on). */
  attachStream(server: Server): void;
  stop(): void;
}

/** The window DIRECTLINE_STARTS_PER_CLIENT counts chat starts (or Azure tokens) in. */
const START_WINDOW_MS = 10 * 60_000;

export interface ChatBackend {
  /** The built-in Direct Line's routes, or the Azure token route. */
  routes: Route[];
  /** The built-in Direct Line; absent when Azure's is configured. */
  directLine?: DirectLine;
}

/** What the web chat talks to: Azure's Direct Line when a secret is set (the browser gets tokens from us), else our own. */
export function createChatBackend(config: Config, deps: DirectLineDeps): ChatBackend {
  if (!config.DIRECTLINE_SECRET) {
    const directLine = createDirectLine(config, deps);
    return { routes: directLine.routes, directLine };
  }
  const route = azureTokenRoute({
    secret: config.DIRECTLINE_SECRET,
    endpoint: config.DIRECTLINE_ENDPOINT,
    starts: deps.rateWindows('azure-starts', config.DIRECTLINE_STARTS_PER_CLIENT, START_WINDOW_MS, config.LOG_HASH_KEY ?? randomBytes(32)),
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    logger: deps.logger,
  });
  return { routes: [route] };
}

/** Builds the built-in Direct Line from the config. */
export function createDirectLine(config: Config, deps: DirectLineDeps): DirectLine {
  const clock = deps.now ?? (() => new Date());
  const ms = () => clock().getTime();
  const store = deps.conversations;
  // The adapter hands the bot's replies to the service, which stores them and wakes the streams.
  const adapter = new DirectLineAdapter((id, activity) => service.append(id, activity), clock);
  adapter.onTurnError = deps.onTurnError;
  const runTurn = (activity: Partial<Activity>) =>
    deps.queue(activity.conversation?.id ?? '', () => adapter.processActivity(activity, deps.runTurn)).catch((err: unknown) => {
      if (err instanceof TurnLockTimeoutError) throw new HttpError(503, 'busy', 'The chat is busy. Please try again in a moment.', { 'Retry-After': '2' });
      throw err;
    });
  const tokenKey = loadTokenKey(config);
  // Rate-limit keys (client addresses, conversation ids) are hashed under a key every server shares.
  const rateKey = createHmac('sha256', tokenKey).update('rate-limits').digest();
  const service: DirectLineService = new DirectLineService({
    store,
    signal: new FeedSignal(),
    tokens: new DirectLineTokens(tokenKey, config.DIRECTLINE_TOKEN_MINUTES * 60_000, ms),
    adapter,
    runTurn,
    starts: deps.rateWindows('starts', config.DIRECTLINE_STARTS_PER_CLIENT, START_WINDOW_MS, rateKey),
    posts: deps.rateWindows('posts', config.DIRECTLINE_POSTS_PER_MINUTE, 60_000, rateKey),
    logger: deps.logger,
    now: clock,
  });
  let sweep: NodeJS.Timeout | undefined;
  let stream: { close: () => void } | undefined;
  return {
    routes: directLineRoutes({ service, trustedProxyHops: config.TRUSTED_PROXY_HOPS, webSocket: config.DIRECTLINE_WEBSOCKET }),
    service,
    store,
    start() {
      sweep = setInterval(() => {
        service.endIdle().catch((err: unknown) => deps.logger.warn({ code: 'DIRECTLINE_SWEEP_FAILED', err: errorSummary(err) }, 'idle sweep failed'));
      }, 60_000);
      sweep.unref();
    },
    attachStream(server) {
      if (config.DIRECTLINE_WEBSOCKET) stream = attachDirectLineStream(server, service, deps.logger);
    },
    stop() {
      clearInterval(sweep);
      stream?.close();
    },
  };
}
