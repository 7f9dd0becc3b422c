import type { Alert } from '../alerts/alert';
import type { AlertStatus } from '../alerts/webhookAlerter';
import type { AgencyDirectory } from '../concerns/agencies';
import { secureCookies, type Config } from '../config/config';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { triageApiRoutes } from './api/triageApiRoutes';
import { staffApiRoutes } from './api/staffApiRoutes';
import { indicatorApiRoutes } from './api/indicatorApiRoutes';
import { SessionStaffAuth } from './auth/sessionStaffAuth';
import { StaffCookie } from './auth/staffCookie';
import { createAlertDispatcher } from './createAlerts';
import { TriageService } from './triageService';
import type { TriageClock } from './triageClock';
import type { Stores } from '../storage/openStores';
import { consoleRoutes } from './console/consoleRoutes';

export interface TriageParts {
  /** Every store, on Redis or the embedded database (storage/openStores.ts). */
  stores: Stores;
  clock: TriageClock;
  agencies: AgencyDirectory;
  logger: Logger;
  now: () => Date;
  /** Told of each alert POST to a webhook, delivered or failed (the metrics count them). */
  onAlertPosted?: (alert: Alert, delivered: boolean) => void;
}

export interface Triage {
  routes: Route[];
  /** For the report submitter: an urgent concern was stored, alert now rather than at the next poll. */
  concernStored(urgent: boolean): void;
  alertStatus(): AlertStatus;
  start(): void;
  stop(): Promise<void>;
}

/** Builds duty staff's triage: stores, sign-in, the service, the API and console routes, and the alerts. */
export function createTriage(config: Config, parts: TriageParts): Triage {
  const { stores, clock, now } = parts;
  const { staff, audit, sessions } = stores;
  const webhooks = config.ALERT_WEBHOOKS;
  const auth = new SessionStaffAuth({
    staff,
    sessions,
    tokens: stores.tokens,
    nameLimiter: stores.limiters.name,
    clientLimiter: stores.limiters.client,
    audit,
    cookie: new StaffCookie(secureCookies(config)),
    now,
  });
  const triage = new TriageService({ store: stores.concerns, audit, agencies: parts.agencies, clock, claimMinutes: config.TRIAGE_CLAIM_MINUTES, now });
  // Checked against the agencies by checkAlertWebhooks before any store opened (app.ts); warns of agencies alerting nobody.
  const alerts = createAlertDispatcher({
    webhooks,
    agencies: parts.agencies,
    holidays: clock.holidays,
    store: stores.concerns,
    logger: parts.logger,
    now,
    pollMs: config.ALERT_POLL_SECONDS * 1000,
    onPosted: parts.onAlertPosted,
  });
  return {
    routes: [
      ...triageApiRoutes(triage, auth, config.TRUSTED_PROXY_HOPS),
      ...staffApiRoutes({ staff, audit, auth, sessions, tokens: stores.tokens, now, trustedProxyHops: config.TRUSTED_PROXY_HOPS }),
      ...indicatorApiRoutes({ indicators: stores.indicators, auth, now, trustedProxyHops: config.TRUSTED_PROXY_HOPS }),
      ...consoleRoutes({ triage, auth, agencies: parts.agencies, now, trustedProxyHops: config.TRUSTED_PROXY_HOPS, indicators: stores.indicators }),
    ],
    concernStored: (urgent) => {
      if (urgent) alerts.poke();
    },
    alertStatus: () => alerts.status(),
    start: () => {
      if (Object.keys(webhooks).length > 0) alerts.start();
    },
    stop: () => alerts.stop(),
  };
}
