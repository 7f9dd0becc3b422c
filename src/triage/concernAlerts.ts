import type { Alert, AlertSource } from '../alerts/alert';
import type { ConcernStore } from '../concerns/concernStore';
import { isOverdue, type TriageClock } from './triageClock';

/**
 * The alerts the concern queues call for: a new urgent concern, and a concern past its due time with no
 * decision. Each is recorded on the concern once delivered, so it is sent once (again after a transfer,
 * for the new agency).
 */
export class ConcernAlerts implements AlertSource {
  constructor(
    private readonly store: ConcernStore,
    private readonly clock: TriageClock,
  ) {}

  async pending(now: Date): Promise<Alert[]> {
    const alerts: Alert[] = [];
    for (const concern of await this.store.list()) {
      if (concern.status === 'closed') continue;
      const { ref, agency } = concern;
      if (concern.urgent && concern.triage.alerts.urgent === null) alerts.push({ kind: 'urgent', ref, agency });
      if (concern.triage.alerts.overdue === null && isOverdue(concern, this.clock, now)) alerts.push({ kind: 'overdue', ref, agency });
    }
    return alerts;
  }

  async markSent(alert: Alert, at: Date): Promise<void> {
    await this.store.updateTriage(
      alert.ref,
      (concern) => {
        // Transferred since the alert was read: the new agency's alert is still due.
        const alerts = concern.agency === alert.agency ? { ...concern.triage.alerts, [alert.kind]: at.toISOString() } : concern.triage.alerts;
        return { triage: { ...concern.triage, alerts }, status: concern.status, agency: concern.agency, event: null };
      },
      at,
    );
  }
}
