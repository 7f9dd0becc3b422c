import { errorSummary, type Logger } from '../logging/logger';
import type { Concern } from './concern';
import type { ConcernOutbox } from './concernOutbox';
import { InvalidConcernError, ReferenceTakenError } from './concernStoreErrors';
import type { ConcernStore } from './concernStore';

const DAY_MS = 86_400_000;
/**
 * How long an entry the store never took is kept: then it is deleted unsent and the count logged as an
 * error. Shorter than any sensible concern retention, so a retry can never bring back a purged concern.
 */
export const OUTBOX_KEEP_DAYS = 14;

export interface RelayOptions {
  /** How often the outbox is tried. */
  intervalMs: number;
  /** Told of each concern once stored; must not throw or wait. */
  onStored: (concern: Concern) => void;
  now: () => Date;
}

/**
 * Delivers the outbox to the store: at start-up, then on a timer, oldest first. An entry is removed only after
 * the store acknowledged it; the store is idempotent by submissionId, so an entry stored twice (by two
 * processes, or by the reporter's own "try again") is one concern with its first reference.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Rounds and withdrawals one at a time, so a withdrawn entry is never half-way to the store. */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly outbox: ConcernOutbox,
    private readonly store: ConcernStore,
    private readonly logger: Logger,
    private readonly options: RelayOptions,
  ) {}

  /** One round now (or the round already running). */
  async deliver(): Promise<void> {
    this.running ??= this.exclusive(() => this.deliverOnce()).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Takes the entry out before any round can deliver it (the reporter deleted the report). False when it was not there. */
  async withdraw(submissionId: string): Promise<boolean> {
    return this.exclusive(() => this.outbox.remove(submissionId));
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.serial.then(run);
    this.serial = result.catch(() => undefined);
    return result;
  }

  start(): void {
    if (this.timer) return;
    const run = () => {
      this.deliver().catch((err: unknown) => this.logger.warn({ code: 'CONCERN_OUTBOX_FAILED', err: errorSummary(err) }, 'could not read the concern outbox'));
    };
    this.timer = setInterval(run, this.options.intervalMs);
    this.timer.unref();
    run();
  }

  /** Stops the timer and waits for a round in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async deliverOnce(): Promise<void> {
    const expired = await this.outbox.expireBefore(new Date(this.options.now().getTime() - OUTBOX_KEEP_DAYS * DAY_MS));
    if (expired > 0) this.logger.error({ code: 'CONCERN_OUTBOX_EXPIRED', count: expired, days: OUTBOX_KEEP_DAYS }, 'concerns never stored deleted from the outbox');
    const { entries, unreadable } = await this.outbox.entries();
    if (unreadable > 0) this.logger.error({ code: 'CONCERN_OUTBOX_UNREADABLE', count: unreadable }, 'outbox entries that do not parse');
    let left = entries.length;
    let refused = 0;
    for (const { concern } of entries) {
      try {
        const result = await this.store.submit(concern);
        await this.outbox.remove(concern.submissionId);
        left -= 1;
        this.options.onStored(concern);
        this.logger.info({ code: 'CONCERN_STORED_LATE', agency: concern.agency, urgent: concern.urgent, duplicate: result.duplicate }, 'waiting concern stored');
      } catch (err) {
        if (err instanceof InvalidConcernError || err instanceof ReferenceTakenError) {
          // The store will never take it as it is: it waits for an operator, then expires.
          refused += 1;
          continue;
        }
        break; // the store is still down: the next round tries again
      }
    }
    if (left > 0) this.logger.warn({ code: 'CONCERN_OUTBOX_WAITING', count: left, refused }, 'concerns waiting in the outbox');
  }
}
