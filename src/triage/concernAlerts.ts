import type { Alert, AlertSource } from '../alerts/alert';
import type { ConcernStore } from '../concerns/concernStore';

/** The most alerts of each kind one agency is sent in one round. */
export const ALERTS_PER_ROUND = 50;

/**
 * The alerts the concern queues call for: a new urgent concern, and a concern past its due time with no
 * decision. Read from the store's alert index (never every concern); each is recorded on the agency's part
 * of the concern once delivered, which takes it out of the index, so it is sent once (again after a transfer, for the new agency).
 */
export class ConcernAlerts implements AlertSource {
  /**
   * `agencies`: those with a duty channel to alert (nobody reads the others' alerts); `perRound`: at most
   * this many alerts of each kind per agency in one round, oldest first (a channel that is down and a
   * backlog cannot make a round long: the rest wait for the next).
   */
  constructor(
    private readonly store: ConcernStore,
    private readonly agencies: readonly string[],
    private readonly perRound = ALERTS_PER_ROUND,
  ) {}

  async pending(now: Date): Promise<Alert[]> {
    if (this.agencies.length === 0) return [];
    return this.store.owedAlerts(now, { agencies: this.agencies, limit: this.perRound });
  }

  async markSent(alert: Alert, at: Date): Promise<void> {
    await this.store.updateTriage(
      alert.ref,
      alert.agency,
      (part) => {
        // Transferred away since the alert was read: nothing to record (the new agency's alert is still due).
        const alerts = part.agency === alert.agency ? { ...part.triage.alerts, [alert.kind]: at.toISOString() } : part.triage.alerts;
        return { triage: { ...part.triage, alerts }, status: part.status, agency: part.agency };
      },
      at,
    );
  }
}
