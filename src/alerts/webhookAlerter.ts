import { errorSummary } from '../logging/logger';
import type { Alert } from './alert';
import { AlertRoutes } from './alertRoutes';
import { backoffDelay } from './backoff';
import { DeliveryLedger, type AlertStatus, type Delivery } from './deliveryLedger';
import { resolveDispatcherOptions, type AlertDispatcherOptions, type ResolvedDispatcherOptions } from './dispatcherOptions';
import { webhookBody } from './webhookBody';
import { postWebhook, type PostOutcome } from './webhookPost';

export type { AlertDispatcherOptions, AlertStatus };

/**
 * Tells each agency's duty channel, through its incoming webhook, of new urgent concerns and of
 * concerns gone overdue: reference, agency and urgency only (Slack's line, or a Teams card). An urgent
 * alert for an agency out of hours also goes to its out-of-hours route. Runs in the background, one round
 * at a time: each round reads the pending alerts, posts those whose backoff has run out, and records each
 * with the source once every webhook it goes to has it. Nothing waits for it: the submitter only pokes it.
 */
export class AlertDispatcher {
  private readonly options: ResolvedDispatcherOptions;
  private readonly routes: AlertRoutes;
  private readonly ledger = new DeliveryLedger();
  /** Agencies already logged as having alerts but no webhook (logged once each, not every round). */
  private readonly noWebhookLogged = new Set<string>();
  private state: 'idle' | 'started' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private pokedDuringRound = false;

  constructor(options: AlertDispatcherOptions) {
    this.options = resolveDispatcherOptions(options);
    this.routes = new AlertRoutes(new Set(Object.keys(this.options.webhooks)), this.options.outOfHours);
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
    // Where each alert goes is decided afresh each round: an alert still failing at the end of the working
    // day goes to the out-of-hours route as well.
    const now = this.options.now();
    const destinations = new Map<Alert, string[]>();
    // One queue per webhook, run side by side: a channel that hangs does not hold up another webhook's alerts.
    const queues = new Map<string, Alert[]>();
    const postedEverywhere: Alert[] = [];
    for (const alert of alerts) {
      const webhooks = this.destinationsOf(alert, now);
      if (webhooks.length === 0) continue;
      destinations.set(alert, webhooks);
      const unposted = webhooks.filter((webhook) => this.ledger.postedAt({ alert, webhook }) === undefined);
      if (unposted.length === 0) postedEverywhere.push(alert);
      for (const webhook of unposted) {
        const queue = queues.get(webhook);
        if (queue) queue.push(alert);
        else queues.set(webhook, [alert]);
      }
    }
    await Promise.all([
      ...postedEverywhere.map((alert) => this.markSent(alert, destinations.get(alert) ?? [])),
      ...[...queues].map(([webhook, queue]) => this.deliverQueue(webhook, queue, destinations)),
    ]);
  }

  private async deliverQueue(webhook: string, queue: readonly Alert[], destinations: ReadonlyMap<Alert, readonly string[]>): Promise<void> {
    const urgentFirst = [...queue].sort((a, b) => Number(b.kind === 'urgent') - Number(a.kind === 'urgent'));
    for (const alert of urgentFirst) {
      if (this.state === 'stopped') return;
      if (!this.ledger.isDue({ alert, webhook }, this.options.now().getTime())) continue;
      // A webhook that just failed is left alone until a later round, rather than sent the rest of its queue now.
      if (!(await this.post({ alert, webhook }))) return;
      // The last of the alert's webhooks to have it records it with the source (JS runs one continuation at a time).
      const webhooks = destinations.get(alert) ?? [webhook];
      if (webhooks.every((w) => this.ledger.postedAt({ alert, webhook: w }) !== undefined)) await this.markSent(alert, webhooks);
    }
  }

  /** Posts the alert to one webhook, in that webhook's format. False when the post failed. */
  private async post(delivery: Delivery): Promise<boolean> {
    const { alert, webhook } = delivery;
    const target = this.options.webhooks[webhook];
    if (target === undefined) return false;
    const attempt = this.ledger.failedAttempts(delivery) + 1;
    const outcome = await postWebhook(this.options.fetch, target.url, webhookBody(alert, target.format), this.options.timeoutMs, this.options.now().getTime());
    const at = this.options.now();
    this.options.onPosted(alert, outcome.ok);
    if (!outcome.ok) {
      this.recordFailure(delivery, attempt, outcome, at);
      return false;
    }
    this.ledger.recordDelivery(delivery, at);
    this.options.logger.info({ code: 'ALERT_DELIVERED', kind: alert.kind, agency: alert.agency, webhook, attempt }, 'alert delivered');
    return true;
  }

  /** Records the alert with the source, as sent when it was first posted. */
  private async markSent(alert: Alert, webhooks: readonly string[]): Promise<void> {
    const times = webhooks.map((webhook) => this.ledger.postedAt({ alert, webhook })?.getTime() ?? Number.POSITIVE_INFINITY);
    const first = Math.min(...times);
    try {
      await this.options.source.markSent(alert, Number.isFinite(first) ? new Date(first) : this.options.now());
      this.ledger.recordMarked(alert);
    } catch (err) {
      // Posted but not recorded: the next round records it again without posting it again.
      this.options.logger.warn({ code: 'ALERT_SOURCE_FAILED', op: 'markSent', kind: alert.kind, agency: alert.agency, err: errorSummary(err) }, 'could not record a delivered alert');
    }
  }

  private recordFailure(delivery: Delivery, attempt: number, outcome: Exclude<PostOutcome, { ok: true }>, at: Date): void {
    const { alert, webhook } = delivery;
    // A Retry-After is a "not before": it can lengthen the wait, never shorten it, and maxMs still caps it.
    const backoff = backoffDelay(attempt, this.options.backoff);
    const waitMs = Math.min(this.options.backoff.maxMs, Math.max(backoff, outcome.retryAfterMs ?? 0));
    this.ledger.recordFailure(delivery, at, waitMs, outcome.reason);
    this.options.logger.warn(
      {
        code: 'ALERT_DELIVERY_FAILED',
        kind: alert.kind,
        agency: alert.agency,
        webhook,
        attempt,
        ...(outcome.status === undefined ? { error: outcome.reason } : { status: outcome.status }),
        retryInMs: waitMs,
      },
      'alert delivery failed',
    );
  }

  /** The webhooks the alert goes to now; none is logged once per agency. */
  private destinationsOf(alert: Alert, now: Date): string[] {
    const webhooks = this.routes.destinations(alert, now);
    if (webhooks.length === 0 && !this.noWebhookLogged.has(alert.agency)) {
      this.noWebhookLogged.add(alert.agency);
      this.options.logger.info({ code: 'ALERT_NO_WEBHOOK', agency: alert.agency }, 'agency has alerts but no webhook to send them to now; not alerted');
    }
    return webhooks;
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
