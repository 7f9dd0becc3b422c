import type { Alert } from './alert';

/** Where an agency's urgent alerts also go when it is out of hours. */
export interface OutOfHoursRoute {
  /** A webhook's name in ALERT_WEBHOOKS (an emergency duty team's, or another agency's). */
  webhook: string;
  /** Whether the agency is in its working hours at this moment. */
  inHours(at: Date): boolean;
}

/**
 * Which webhooks an alert goes to: the agency's own, and, for an urgent alert while the agency is out of
 * hours, its out-of-hours route as well (both: the agency's own channel keeps the full record, and whoever
 * reads it first acts). Names only webhooks that exist.
 */
export class AlertRoutes {
  constructor(
    private readonly webhookNames: ReadonlySet<string>,
    private readonly outOfHours: ReadonlyMap<string, OutOfHoursRoute> = new Map(),
  ) {}

  destinations(alert: Alert, at: Date): string[] {
    const names = this.webhookNames.has(alert.agency) ? [alert.agency] : [];
    const route = alert.kind === 'urgent' ? this.outOfHours.get(alert.agency) : undefined;
    if (route && this.webhookNames.has(route.webhook) && !names.includes(route.webhook) && !route.inHours(at)) names.push(route.webhook);
    return names;
  }

  /** Whether some alert for the agency goes somewhere at some hour (its pending alerts are worth reading). */
  reaches(agency: string): boolean {
    const route = this.outOfHours.get(agency);
    return this.webhookNames.has(agency) || (route !== undefined && this.webhookNames.has(route.webhook));
  }
}
