import type { Alert } from './alert';

/** How webhook delivery stands, for /readyz details. Holds no URL and no reference. */
export interface AlertStatus {
  /** False while any alert's latest delivery attempt failed and it has not been delivered since. */
  healthy: boolean;
  /** Alerts whose latest attempt failed (counted once per webhook the alert goes to). */
  failing: number;
  /** Posts delivered since start-up (an alert sent to two webhooks counts twice). */
  delivered: number;
  /** When an attempt last failed (ISO 8601), or null if none has. Kept after recovery, for the record. */
  lastFailureAt: string | null;
  /** Why that attempt failed: "HTTP 500", "timeout", "ECONNREFUSED"… */
  lastError: string | null;
}

/** One alert on its way to one webhook (by its name in ALERT_WEBHOOKS). */
export interface Delivery {
  alert: Alert;
  webhook: string;
}

interface Failure {
  alertKey: string;
  attempts: number;
  retryAtMs: number;
}

/**
 * The dispatcher's memory of each delivery (an alert to one webhook) between rounds: the failed attempts
 * and when to try again, and posts whose delivery the source has not yet recorded (so they are not posted
 * twice, even when the alert's other webhook is still failing).
 */
export class DeliveryLedger {
  private readonly failures = new Map<string, Failure>();
  private readonly unrecorded = new Map<string, { alertKey: string; at: Date }>();
  private delivered = 0;
  private lastFailure: { at: Date; reason: string } | undefined;

  /** False while the delivery waits out its backoff. */
  isDue(delivery: Delivery, nowMs: number): boolean {
    return (this.failures.get(deliveryKey(delivery))?.retryAtMs ?? 0) <= nowMs;
  }

  /** Failed attempts since the delivery's last success. */
  failedAttempts(delivery: Delivery): number {
    return this.failures.get(deliveryKey(delivery))?.attempts ?? 0;
  }

  recordFailure(delivery: Delivery, at: Date, waitMs: number, reason: string): void {
    const attempts = this.failedAttempts(delivery) + 1;
    this.failures.set(deliveryKey(delivery), { alertKey: keyOf(delivery.alert), attempts, retryAtMs: at.getTime() + waitMs });
    this.lastFailure = { at, reason };
  }

  recordDelivery(delivery: Delivery, at: Date): void {
    this.failures.delete(deliveryKey(delivery));
    this.unrecorded.set(deliveryKey(delivery), { alertKey: keyOf(delivery.alert), at });
    this.delivered += 1;
  }

  /** When the alert was posted to the webhook, if the source has not yet recorded the alert as sent. */
  postedAt(delivery: Delivery): Date | undefined {
    return this.unrecorded.get(deliveryKey(delivery))?.at;
  }

  /** The source has recorded the alert as sent: forgets its posts to every webhook. */
  recordMarked(alert: Alert): void {
    const alertKey = keyOf(alert);
    for (const [key, entry] of this.unrecorded) if (entry.alertKey === alertKey) this.unrecorded.delete(key);
  }

  /** Forgets alerts no longer pending (delivered elsewhere, or the concern purged). */
  keepOnly(pending: readonly Alert[]): void {
    const keep = new Set(pending.map(keyOf));
    for (const map of [this.failures, this.unrecorded]) {
      for (const [key, entry] of map) if (!keep.has(entry.alertKey)) map.delete(key);
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

function deliveryKey({ alert, webhook }: Delivery): string {
  return `${keyOf(alert)}\u0000${webhook}`;
}
