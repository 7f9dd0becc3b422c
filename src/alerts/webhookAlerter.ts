import { errorSummary } from '../logging/logger';
import type { Alert } from './alert';
import { alertMessage } from './alertMessage';
import { backoffDelay } from './backoff';
import { DeliveryLedger, type AlertStatus } from './deliveryLedger';
import { resolveDispatcherOptions, type AlertDispatcherOptions, type ResolvedDispatcherOptions } from './dispatcherOptions';
import { postWebhook, type PostOutcome } from './webhookPost';

export type { AlertDispatcherOptions, AlertStatus };

/**
 * Tells each agency's duty channel, through its incoming webhook, of new urgent concerns and of
 * concerns gone overdue: reference, agency and urgency only. Runs in the background, one round at a
 * time: each round reads the pending alerts, posts those whose backoff has run out, and records the
 * delivered ones with the source. Nothing waits for it: the submitter only pokes it.
 */
export class AlertDispatcher {
  private readonly options: ResolvedDispatcherOptions;
  private readonly ledger = new DeliveryLedger();
  /** Agencies already logged as having alerts but no webhook (logged once each, not every round). */
  private readonly noWebhookLogged = new Set<string>();
  private state: 'idle' | 'started' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private pokedDuringRound = false;

  constructor(options: AlertDispatcherOptions) {
    this.options = resolveDispatcherOptions(options);
  }

  /** Runs a first round now, then one every pollMs (sooner when a retry falls due). */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'started';
    this.schedule(0);
  }

  /** Runs a round soon, e.g. right after an urgent concern is stored. Never waits; does nothing unless started. */
  poke(): void {
    if (this.state !== 'started') return;
    if (this.inFlight) this.pokedDuringRound = true;
    else this.schedule(0);
  }

  /** Runs one round, after any round in flight (rounds never overlap). Never rejects. */
  async runOnce(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.state === 'stopped') return;
    this.inFlight = this.round()
      .catch((err: unknown) => this.options.logger.error({ code: 'ALERT_ROUND_FAILED', err: errorSummary(err) }, 'alert round failed'))
      .finally(() => {
        this.inFlight = undefined;
        this.scheduleNext();
      });
    await this.inFlight;
  }

  /** Stops the rounds. A round in flight finishes the POST it is making and skips the rest; resolves after it. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight;
  }

  /** For /readyz details: unhealthy while any alert's latest attempt failed. */
  status(): AlertStatus {
    return this.ledger.status();
  }

  private async round(): Promise<void> {
    let alerts: Alert[];
    try {
      alerts = await this.options.source.pending(this.options.now());
    } catch (err) {
      this.options.logger.warn({ code: 'ALERT_SOURCE_FAILED', op: 'pending', err: errorSummary(err) }, 'could not read pending alerts');
      return;
    }
    this.ledger.keepOnly(alerts);
    // One queue per webhook, run side by side: a channel that hangs does not hold up another agency's alerts.
    const queues = new Map<string, Alert[]>();
    for (const alert of alerts) {
      const url = this.webhookFor(alert.agency);
      if (url === undefined) continue;
      const queue = queues.get(url);
      if (queue) queue.push(alert);
      else queues.set(url, [alert]);
    }
    await Promise.all([...queues].map(([url, queue]) => this.deliverQueue(url, queue)));
  }

  private async deliverQueue(url: string, queue: readonly Alert[]): Promise<void> {
    const urgentFirst = [...queue].sort((a, b) => Number(b.kind === 'urgent') - Number(a.kind === 'urgent'));
    for (const alert of urgentFirst) {
      if (this.state === 'stopped') return;
      if (!this.ledger.isDue(alert, this.options.now().getTime())) continue;
      // A webhook that just failed is left alone until a later round, rather than sent the rest of its queue now.
      if (!(await this.deliver(url, alert))) return;
    }
  }

  /** Posts the alert (unless already posted) and records it with the source. False when the post failed. */
  private async deliver(url: string, alert: Alert): Promise<boolean> {
    let postedAt = this.ledger.postedAt(alert);
    if (postedAt === undefined) {
      const attempt = this.ledger.failedAttempts(alert) + 1;
      const outcome = await postWebhook(this.options.fetch, url, alertMessage(alert), this.options.timeoutMs, this.options.now().getTime());
      postedAt = this.options.now();
      if (!outcome.ok) {
        this.recordFailure(alert, attempt, outcome, postedAt);
        return false;
      }
      this.ledger.recordDelivery(alert, postedAt);
      this.options.logger.info({ code: 'ALERT_DELIVERED', kind: alert.kind, agency: alert.agency, attempt }, 'alert delivered');
    }
    try {
      await this.options.source.markSent(alert, postedAt);
      this.ledger.recordMarked(alert);
    } catch (err) {
      // Posted but not recorded: the next round records it again without posting it again.
      this.options.logger.warn({ code: 'ALERT_SOURCE_FAILED', op: 'markSent', kind: alert.kind, agency: alert.agency, err: errorSummary(err) }, 'could not record a delivered alert');
    }
    return true;
  }

  private recordFailure(alert: Alert, attempt: number, outcome: Exclude<PostOutcome, { ok: true }>, at: Date): void {
    // A Retry-After is a "not before": it can lengthen the wait, never shorten it, and maxMs still caps it.
    const backoff = backoffDelay(attempt, this.options.backoff);
    const waitMs = Math.min(this.options.backoff.maxMs, Math.max(backoff, outcome.retryAfterMs ?? 0));
    this.ledger.recordFailure(alert, at, waitMs, outcome.reason);
    this.options.logger.warn(
      {
        code: 'ALERT_DELIVERY_FAILED',
        kind: alert.kind,
        agency: alert.agency,
        attempt,
        ...(outcome.status === undefined ? { error: outcome.reason } : { status: outcome.status }),
        retryInMs: waitMs,
      },
      'alert delivery failed',
    );
  }

  private webhookFor(agency: string): string | undefined {
    const url = Object.hasOwn(this.options.webhooks, agency) ? this.options.webhooks[agency] : undefined;
    if (url === undefined && !this.noWebhookLogged.has(agency)) {
      this.noWebhookLogged.add(agency);
      this.options.logger.info({ code: 'ALERT_NO_WEBHOOK', agency }, 'agency has alerts but no webhook; not alerted');
    }
    return url;
  }

  private scheduleNext(): void {
    if (this.state !== 'started') return;
    const retryIn = this.ledger.nextRetryInMs(this.options.now().getTime());
    const delay = this.pokedDuringRound ? 0 : Math.min(this.options.pollMs, retryIn ?? this.options.pollMs);
    this.pokedDuringRound = false;
    this.schedule(delay);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runOnce().catch((err: unknown) => this.options.logger.error({ code: 'ALERT_ROUND_FAILED', err: errorSummary(err) }, 'alert round failed'));
    }, delayMs);
    this.timer.unref();
  }
}
