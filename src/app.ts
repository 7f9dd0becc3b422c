import type { AddressInfo } from 'node:net';
import { ConversationState, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { ClearsightBot } from './bot/clearsightBot';
import { createAdapter } from './bot/createAdapter';
import { TurnQueue } from './bot/turnQueue';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import type { Config } from './config/config';
import { loadContent } from './content/botContent';
import { healthHandler, readyHandler } from './http/healthRoutes';
import { messagesHandler } from './http/messagesRoute';
import { ConnectionDrain } from './http/connectionDrain';
import { createServer } from './http/server';
import { createIdHasher } from './logging/idHasher';
import type { Logger } from './logging/logger';
import { ConcernSubmitter } from './concerns/concernSubmitter';
import { SqliteConcernOutbox } from './concerns/sqliteConcernOutbox';
import { RetentionSweep } from './concerns/retentionSweep';
import { createTriage } from './triage/createTriage';
import { checkAlertWebhooks } from './triage/createAlerts';
import { createChatBackend, type DirectLine } from './directline/createDirectLine';
import { createLanguageService } from './language/createLanguageService';
import { preloadLanguageDetection } from './language/detectLanguage';
import { LocalHelp } from './signposting/localHelp';
import { webChatRoutes } from './webchat/webChatRoutes';
import { createTwilio } from './twilio/createTwilio';
import { openStores, triageClockFor } from './storage/openStores';
import { fanOut, type ServiceEvents } from './events/serviceEvents';
import { createMetrics } from './metrics/createMetrics';
import { howKnewReader } from './indicators/concernCounts';
import { indicatorListener } from './indicators/indicatorListener';

export interface AppOptions {
  contentDir?: string;
  /** The clock for office hours (tests pass a fixed one). */
  now?: () => Date;
}

export interface App {
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(): Promise<string>;
  /**
   * Begins shutdown while still serving: /readyz answers 503 (so a load balancer stops sending traffic) and
   * every response closes its connection (`Connection: close`). stop() does this too.
   */
  drain(): void;
  /** Graceful stop: close the listener and idle connections, finish turns in flight, close the stores. */
  stop(): Promise<void>;
  readonly server: Server;
  /** The built-in Direct Line (absent when Azure's is configured), for tests and benchmarks. */
  readonly directLine?: DirectLine;
}

/**
 * The longest start-up waits for Redis to be ready before serving anyway (readiness then says 503 until it
 * answers). It goes on sooner when Redis refuses its connection attempts (STARTUP_CONNECT_ATTEMPTS).
 */
const FIRST_CONNECT_WAIT_MS = 3000;

/** Builds the whole service from a parsed config. Content problems stop it here, at start-up. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const bundle = loadContent(options.contentDir);
  const { services, shell: content, knowledge, questions, holidays, agencies, safety } = bundle;
  const now = options.now ?? (() => new Date());
  const localHelp = new LocalHelp(bundle.frontDoors, holidays, now);
  const hashId = createIdHasher(config.LOG_HASH_KEY);
  const clock = triageClockFor(config, holidays);
  // A webhook for no agency, or an out-of-hours route naming no webhook, stops start-up before any store opens.
  checkAlertWebhooks(config.ALERT_WEBHOOKS, agencies);
  // With Redis down, start anyway: /readyz says 503 until it answers, and the client keeps retrying. But
  // give the first connection a moment: commands fail fast while offline (no offline queue), so a
  // message that arrived before it was ready would fail its turn for no reason.
  // The concern store counts for the partnership's indicators as concerns are stored and triaged.
  const countIndicators = howKnewReader(bundle.report.questions.howTheyKnow.choices);
  const stores = await openStores(config, { clock, logger, redisWaitMs: FIRST_CONNECT_WAIT_MS, now, countIndicators });
  const concernStore = stores.concerns;
  // Operators' metrics (GET /metrics), only when METRICS_TOKEN is set.
  const metrics = createMetrics(config, { store: concernStore, agencies: agencies.all().map((a) => a.id), clock, now, logger });
  const triage = createTriage(config, { stores, clock, agencies, logger, now, onAlertPosted: metrics?.alertPosted });
  // With Redis, a concern it did not take waits in a file in DATA_DIR; on the embedded default the store is that disk.
  const outbox = stores.kind === 'redis' ? new SqliteConcernOutbox(config.DATA_DIR) : undefined;
  const submitter = new ConcernSubmitter(concernStore, logger, {
    outbox,
    now,
    onStored: (concern) => {
      triage.concernStored(concern.urgent);
      metrics?.reportStored();
    },
    onFailed: metrics?.reportFailed,
  });
  submitter.start();
  const retention = new RetentionSweep(concernStore, config.CONCERN_RETENTION_DAYS, logger, now);
  retention.start();
  triage.start();
  const report = {
    content: bundle.report,
    agencies,
    store: concernStore,
    submitter,
    language: createLanguageService(config, logger),
    urgentUpdated: () => triage.concernStored(true),
    retentionDays: config.CONCERN_RETENTION_DAYS,
    now,
  };

  // Who counts what the bot does: closed values only (events/serviceEvents.ts).
  const listeners: Partial<ServiceEvents>[] = [];
  listeners.push(indicatorListener(stores.indicators, logger, now));
  if (metrics) listeners.push(metrics.events);
  const events = fanOut(listeners);
  const bot = new ClearsightBot({
    conversationState: new ConversationState(stores.conversations),
    deps: { content, services, knowledge, questions, localHelp, safety, report, events },
    ttlHours: config.CONVERSATION_TTL_HOURS,
  });
  const adapter = createAdapter(config);
  const onTurnError = createTurnErrorHandler({
    logger,
    hashId,
    clearConversation: (context) => bot.clearConversation(context),
    apology: content.turnError,
    unavailable: content.unavailable,
  });
  adapter.onTurnError = onTurnError;

  const queue = new TurnQueue(stores.turnLock);
  // Every channel's turn (Bot Framework, Direct Line, Twilio) goes through this one function, counted and timed.
  const botTurn = (c: TurnContext) => bot.run(c);
  const runTurn = metrics?.timeTurns(botTurn) ?? botTurn;
  const chat = createChatBackend(config, { logger, runTurn, queue: (id, turn) => queue.run(id, turn), onTurnError, conversations: stores.directLine, rateWindows: stores.rateWindows, now });
  const { directLine } = chat;
  if (directLine) metrics?.watchOpenChats(() => directLine.store.count());
  directLine?.start();
  const twilio = createTwilio(config, { logger, runTurn, queue: (id, turn) => queue.run(id, turn), onTurnError, rateWindows: stores.rateWindows, unavailable: content.unavailable, now });
  const server = createServer(
    [
      { method: 'post', path: '/api/messages', handler: messagesHandler({ adapter, queue, runTurn }) },
      { method: 'get', path: '/healthz', handler: healthHandler() },
      { method: 'get', path: '/readyz', handler: readyHandler(stores.readiness, () => connections.isDraining, { alerts: () => triage.alertStatus() }) },
      ...triage.routes, // the triage API, staff API and console (consoleRoutes), built in createTriage.ts
      ...chat.routes, // the built-in Direct Line (/v3/directline) or the Azure token route
      ...twilio, // SMS and WhatsApp through Twilio's webhook, when configured
      ...(metrics?.routes ?? []), // GET /metrics, only with METRICS_TOKEN set
      ...webChatRoutes(config, { builtInWebSocket: config.DIRECTLINE_WEBSOCKET }), // the demo page, the chat page, /embed.js and Web Chat from our own origin
    ],
    logger,
  );
  directLine?.attachStream(server.server);
  const connections = new ConnectionDrain(server.server);

  return {
    server,
    directLine,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.PORT, config.HOST, () => {
          const { port } = server.address() as AddressInfo;
          resolve(`http://127.0.0.1:${port}`);
          setImmediate(preloadLanguageDetection); // what start-up left for later, before the first message needs it
        });
      }),
    drain: () => connections.begin(),
    stop: async () => {
      connections.begin();
      directLine?.stop(); // ends the idle sweep and closes open streams (they would hold close() open)
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      const deadline = Date.now() + config.SHUTDOWN_GRACE_SECONDS * 1000;
      // Keep-alive connections hold close() open: drop each one as soon as it has no request in flight.
      let settled = false;
      void Promise.all([queue.idle(), closed]).then(() => (settled = true));
      while (!settled && Date.now() < deadline) {
        server.server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      server.server.closeAllConnections();
      retention.stop();
      await Promise.all([submitter.stop(), triage.stop()]);
      await stores.close();
    },
  };
}
