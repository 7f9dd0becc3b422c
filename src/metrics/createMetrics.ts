import type { TurnContext } from 'botbuilder';
import type { Alert } from '../alerts/alert';
import type { Config } from '../config/config';
import type { ServiceEvents } from '../events/serviceEvents';
import type { Route } from '../http/server';
import { registerConcernGauges, type ConcernGaugeSources } from './concernGauges';
import { eventMetrics } from './eventMetrics';
import { metricsRoute } from './metricsRoute';
import { registerOpenChatsGauge } from './openChatsGauge';
import { createServiceMetrics } from './serviceMetrics';
import { timedTurns } from './timedTurns';

/** The slice of config the metrics read. */
export type MetricsConfig = Pick<Config, 'METRICS_TOKEN'>;

/** What app.ts hooks the metrics into: the bot's turn, its events, the submitter, the alerts, and the route. */
export interface Metrics {
  /** The bot's turn, counted and timed by channel. */
  timeTurns(runTurn: (context: TurnContext) => Promise<void>): (context: TurnContext) => Promise<void>;
  /** For the bot's listeners: safety replies by kind, answers by outcome. */
  readonly events: Partial<ServiceEvents>;
  reportStored(): void;
  reportFailed(): void;
  alertPosted(alert: Alert, delivered: boolean): void;
  /** Counts the built-in Direct Line's open chats at each scrape. */
  watchOpenChats(count: () => Promise<number>): void;
  /** GET /metrics. */
  readonly routes: Route[];
}

/**
 * The operators' metrics (GET /metrics, Prometheus), or undefined when METRICS_TOKEN is unset: then nothing
 * is counted and the route does not exist (404).
 */
export function createMetrics(config: MetricsConfig, sources: ConcernGaugeSources): Metrics | undefined {
  if (!config.METRICS_TOKEN) return undefined;
  const metrics = createServiceMetrics();
  registerConcernGauges(metrics.registry, sources);
  return {
    timeTurns: (runTurn) => timedTurns(metrics, runTurn),
    events: eventMetrics(metrics),
    reportStored: () => metrics.reportsStored.inc(),
    reportFailed: () => metrics.reportsFailed.inc(),
    alertPosted: (alert, delivered) => (delivered ? metrics.alertDeliveries : metrics.alertFailures).inc({ agency: alert.agency, kind: alert.kind }),
    watchOpenChats: (count) => registerOpenChatsGauge(metrics.registry, count, sources.logger),
    routes: [metricsRoute(config.METRICS_TOKEN, metrics.registry)],
  };
}
