import type { Alert } from './alert';

/** How webhook delivery stands, for /readyz details. Holds no URL and no reference. */
export interface AlertStatus {
  /** False while any alert's latest delivery attempt failed and it has not been delivered since. */
  healthy: boolean;
  /** Alerts whose latest attempt failed. */
  failing: number;
  /** Alerts delivered since start-up. */
  delivered: number;
  /** When an attempt last failed (ISO 8601), or null if none has. Kept after recovery, for the record. */
  lastFailureAt: string | null;
  /** Why that attempt failed: "HTTP 500", "timeout", "ECONNREFUSED"… */
  lastError: string | null;
}

interface Failure {
  attempts: number;
  retryAtMs: number;
}

/**
 * The dispatcher's memory of each alert between rounds: the failed attempts and when to try again, and
 * alerts posted whose delivery the source has not yet recorded (so they are not posted twice).
 */
export class DeliveryLedger {
  private readonly failures = new Map<string, Failure>();
  private readonly unrecorded = new Map<string, Date>();
  private delivered = 0;
  private lastFailure: { at: Date; reason: string } | undefined;

  /** False while the alert waits out its backoff. */
  isDue(alert: Alert, nowMs: number): boolean {
    return (this.failures.get(keyOf(alert))?.retryAtMs ?? 0) <= nowMs;
  }

  /** Failed attempts since the alert's last success. */
  failedAttempts(alert: Alert): number {
    return this.failures.get(keyOf(alert))?.attempts ?? 0;
  }

  recordFailure(alert: Alert, at: Date, waitMs: number, reason: string): void {
    this.failures.set(keyOf(alert), { attempts: this.failedAttempts(alert) + 1, retryAtMs: at.getTime() + waitMs });
    this.lastFailure = { at, reason };
  }

  recordDelivery(alert: Alert, at: Date): void {
    this.failures.delete(keyOf(alert));
    this.unrecorded.set(keyOf(alert), at);
    this.delivered += 1;
  }

  /** When the alert was posted, if the source has not yet recorded it as sent. */
  postedAt(alert: Alert): Date | undefined {
    return this.unrecorded.get(keyOf(alert));
  }

  recordMarked(alert: Alert): void {
    this.unrecorded.delete(keyOf(alert));
  }

  /** Forgets alerts no longer pending (delivered elsewhere, or the concern purged). */
  keepOnly(pending: readonly Alert[]): void {
    const keep = new Set(pending.map(keyOf));
    for (const map of [this.failures, this.unrecorded]) {
      for (const key of map.keys()) if (!keep.has(key)) map.delete(key);
    }
  }

  /** Ms until the next alert leaves its backoff, or undefined when none is waiting for a later time. */
  nextRetryInMs(nowMs: number): number | undefined {
    let next: number | undefined;
    for (const { retryAtMs } of this.failures.values()) {
      if (retryAtMs > nowMs && (next === undefined || retryAtMs < next)) next = retryAtMs;
    }
    return next === undefined ? undefined : next - nowMs;
  }

  status(): AlertStatus {
    return {
      healthy: this.failures.size === 0,
      failing: this.failures.size,
      delivered: this.delivered,
      lastFailureAt: this.lastFailure?.at.toISOString() ?? null,
      lastError: this.lastFailure?.reason ?? null,
    };
  }
}

function keyOf(alert: Alert): string {
  return `${alert.kind}\u0000${alert.agency}\u0000${alert.ref}`;
}
