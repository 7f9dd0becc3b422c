import type { Alert } from '../alerts/alert';
import { AlertRoutes, type OutOfHoursRoute } from '../alerts/alertRoutes';
import { AlertDispatcher } from '../alerts/webhookAlerter';
import { checkWebhookAgencies, type AlertWebhooks } from '../alerts/webhookConfig';
import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import type { AgencyDirectory } from '../concerns/agencies';
import type { ConcernStore } from '../concerns/concernStore';
import type { Logger } from '../logging/logger';
import { ConcernAlerts } from './concernAlerts';
import { isInWorkingHours } from './workingHours';

/** What the duty alerts need: the webhooks (ALERT_WEBHOOKS), the agencies and their routes, the calendar. */
export interface AlertParts {
  webhooks: Readonly<AlertWebhooks>;
  agencies: AgencyDirectory;
  holidays: BankHolidayCalendar;
  store: ConcernStore;
  logger: Logger;
  now: () => Date;
  pollMs: number;
  /** Told of each POST to a webhook, delivered or failed (the metrics count them). */
  onPosted?: (alert: Alert, delivered: boolean) => void;
}

/**
 * Stops start-up when ALERT_WEBHOOKS and content/agencies.yaml disagree: an out-of-hours route naming a
 * webhook that ALERT_WEBHOOKS does not hold, or a webhook for neither an agency nor a route. The messages
 * name agencies and webhooks, never a URL.
 */
export function checkAlertWebhooks(webhooks: Readonly<AlertWebhooks>, agencies: AgencyDirectory): void {
  const routes = [...agencies.outOfHoursRoutes()];
  const missing = routes.filter(([, route]) => !Object.hasOwn(webhooks, route.alert));
  if (missing.length > 0) {
    const named = missing.map(([agency, route]) => `${agency}'s outOfHours.alert names ${route.alert}`).join('; ');
    throw new Error(`content/agencies.yaml: ${named}, which ALERT_WEBHOOKS does not hold (add it there: its URL is a secret, never in content)`);
  }
  checkWebhookAgencies(webhooks, [...agencies.all().map((a) => a.id), ...routes.map(([, route]) => route.alert)]);
}

/**
 * The alert dispatcher, each agency's urgent alerts going to its out-of-hours route too out of hours.
 * Warns once, at start-up where operators look, about agencies whose concerns would alert nobody.
 */
export function createAlertDispatcher(parts: AlertParts): AlertDispatcher {
  const { webhooks, agencies, holidays } = parts;
  const outOfHours = new Map<string, OutOfHoursRoute>();
  for (const [agency, route] of agencies.outOfHoursRoutes()) {
    outOfHours.set(agency, { webhook: route.alert, inHours: (at) => isInWorkingHours(at, route.hours, holidays) });
  }
  const routes = new AlertRoutes(new Set(Object.keys(webhooks)), outOfHours);
  const ids = agencies.all().map((a) => a.id);
  warnUnalerted(parts.logger, ids, webhooks, routes);
  return new AlertDispatcher({
    source: new ConcernAlerts(parts.store, ids.filter((id) => routes.reaches(id))),
    webhooks,
    outOfHours,
    logger: parts.logger,
    now: parts.now,
    pollMs: parts.pollMs,
    onPosted: parts.onPosted,
  });
}

/**
 * `agencies`: no webhook of their own, so in working hours their urgent concerns (and at any hour their
 * overdue ones) alert nobody; `outOfHours`: of those, the ones with no out-of-hours route either, whose
 * urgent concerns alert nobody out of hours.
 */
function warnUnalerted(logger: Logger, ids: readonly string[], webhooks: Readonly<AlertWebhooks>, routes: AlertRoutes): void {
  const unalerted = ids.filter((id) => !Object.hasOwn(webhooks, id));
  if (unalerted.length === 0) return;
  const outOfHours = unalerted.filter((id) => !routes.reaches(id));
  logger.warn(
    { code: 'ALERTS_NOT_CONFIGURED', agencies: unalerted, outOfHours },
    'urgent and overdue concerns for these agencies alert nobody in working hours, and out of hours too for those under outOfHours: set ALERT_WEBHOOKS (and outOfHours routes in content/agencies.yaml)',
  );
}
