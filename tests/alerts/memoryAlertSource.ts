import type { Alert, AlertSource } from '../../src/alerts/alert';

/** Begins the message of every error the source throws, so a test can look for it in the logs. */
export const STORE_ERROR = 'STORE-ERROR-TEXT';

/** An in-memory AlertSource (our own interface): pending alerts are those not yet marked sent. */
export class MemoryAlertSource implements AlertSource {
  alerts: Alert[];
  readonly sent: Array<{ alert: Alert; at: Date }> = [];
  pendingCalls = 0;
  markSentCalls = 0;
  /** Most pending() calls running at once. */
  maxConcurrent = 0;
  /** The next this-many pending() / markSent() calls throw, with a message quoting a reference (it must not reach the logs). */
  failPending = 0;
  failMarkSent = 0;
  private active = 0;
  private gate: Promise<void> | undefined;

  constructor(...alerts: Alert[]) {
    this.alerts = alerts;
  }

  async pending(_now: Date): Promise<Alert[]> {
    this.pendingCalls += 1;
    this.active += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.active);
    try {
      await this.gate;
      if (this.failPending > 0) {
        this.failPending -= 1;
        throw new Error(`${STORE_ERROR} reading ${this.alerts[0]?.ref ?? ''}`);
      }
      return this.alerts.filter((a) => !this.sent.some((s) => sameAlert(s.alert, a))).map((a) => ({ ...a }));
    } finally {
      this.active -= 1;
    }
  }

  async markSent(alert: Alert, at: Date): Promise<void> {
    this.markSentCalls += 1;
    if (this.failMarkSent > 0) {
      this.failMarkSent -= 1;
      throw new Error(`${STORE_ERROR} recording ${alert.ref}`);
    }
    this.sent.push({ alert: { ...alert }, at });
  }

  /** Makes pending() wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.gate = undefined;
      release();
    };
  }
}

function sameAlert(a: Alert, b: Alert): boolean {
  return a.kind === b.kind && a.ref === b.ref && a.agency === b.agency;
}
