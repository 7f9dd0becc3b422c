import { errorSummary, type Logger } from '../logging/logger';
import type { Concern } from './concern';
import type { ConcernOutbox } from './concernOutbox';
import type { ConcernStore } from './concernStore';
import { OutboxRelay } from './outboxRelay';

export interface SubmitterOptions {
  /** Tries within the reporter's turn before saying "not sent yet". */
  attempts: number;
  /** Wait before the second try; doubles after each. */
  firstDelayMs: number;
  /** How often the outbox is tried. */
  outboxIntervalMs: number;
  /** Told of each concern once stored (the alerts are poked for an urgent one); must not throw or wait. */
  onStored: (concern: Concern) => void;
  /** Told once when a submit ends with the concern not stored (kept in the outbox or not); must not throw or wait. */
  onFailed?: () => void;
  /**
   * Where a concern the store did not take waits (with Redis: a file in DATA_DIR). None on the embedded
   * default, where the store is the local database itself: a concern it refused is not kept.
   */
  outbox?: ConcernOutbox;
  now: () => Date;
}

const DEFAULTS: SubmitterOptions = { attempts: 3, firstDelayMs: 200, outboxIntervalMs: 5000, onStored: () => undefined, now: () => new Date() };

/** stored: the store acknowledged it. kept: not stored, but on disk in the outbox and retried until it is. */
export type SubmitOutcome = { stored: true; ref: string } | { stored: false; kept: boolean };

/** deleted: nothing of it is stored or waiting. Otherwise the store already had it, under this reference. */
export type WithdrawOutcome = { deleted: true } | { deleted: false; ref: string };

/**
 * Sends concerns to the store. A concern is reported stored only once the store acknowledged it; when the
 * store cannot be reached, the concern is written to the outbox (on disk) before anyone is told it was kept,
 * and the outbox is retried in the background (see OutboxRelay). Submit is idempotent by submissionId.
 */
export class ConcernSubmitter {
  private readonly options: SubmitterOptions;
  private readonly relay: OutboxRelay | undefined;

  constructor(
    private readonly store: ConcernStore,
    private readonly logger: Logger,
    options: Partial<SubmitterOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    const { outbox, outboxIntervalMs, onStored, now } = this.options;
    this.relay = outbox && new OutboxRelay(outbox, store, logger, { intervalMs: outboxIntervalMs, onStored, now });
  }

  async submit(concern: Concern): Promise<SubmitOutcome> {
    let delay = this.options.firstDelayMs;
    for (let attempt = 1; attempt <= this.options.attempts; attempt += 1) {
      try {
        const result = await this.store.submit(concern);
        await this.options.outbox?.remove(concern.submissionId).catch(() => undefined); // the relay removes it otherwise
        this.options.onStored(concern);
        this.logger.info({ code: 'CONCERN_STORED', agency: concern.agency, urgent: concern.urgent, duplicate: result.duplicate }, 'concern stored');
        return { stored: true, ref: result.ref };
      } catch (err) {
        this.logger.warn({ code: 'CONCERN_STORE_FAILED', attempt, err: errorSummary(err) }, 'could not store a concern');
        if (attempt < this.options.attempts) await sleep(delay);
        delay *= 2;
      }
    }
    this.options.onFailed?.();
    return { stored: false, kept: await this.keep(concern) };
  }

  /**
   * The reporter deleted an unsent report: takes it out of the outbox before it is delivered, then asks the store
   * whether it has it anyway (delivered meanwhile, or stored by a send whose reply they never saw). When the store
   * cannot answer, the report is taken as not stored (nothing in this chat's saved state says it was sent).
   */
  async withdraw(submissionId: string): Promise<WithdrawOutcome> {
    await this.relay?.withdraw(submissionId);
    try {
      const ref = await this.store.submissionRef(submissionId);
      return ref === undefined ? { deleted: true } : { deleted: false, ref };
    } catch (err) {
      this.logger.warn({ code: 'SUBMISSION_CHECK_FAILED', err: errorSummary(err) }, 'could not check whether a deleted report was stored');
      return { deleted: true };
    }
  }

  /** Concerns waiting in the outbox. */
  async waiting(): Promise<number> {
    return (await this.options.outbox?.count()) ?? 0;
  }

  /** Starts retrying the outbox: once now (what an earlier process left), then on the timer. */
  start(): void {
    this.relay?.start();
  }

  /** Tries every waiting concern once now. */
  async flush(): Promise<void> {
    await this.relay?.deliver();
  }

  /** Stops the background retries and closes the outbox; what is still waiting stays on disk for the next start. */
  async stop(): Promise<void> {
    await this.relay?.stop();
    const left = await this.waiting().catch(() => 0);
    if (left > 0) this.logger.warn({ code: 'CONCERNS_IN_OUTBOX', count: left }, 'concerns waiting in the outbox at shutdown');
    this.options.outbox?.close();
  }

  private async keep(concern: Concern): Promise<boolean> {
    const { outbox } = this.options;
    if (!outbox) return false;
    try {
      await outbox.put(concern, this.options.now());
      this.logger.warn({ code: 'CONCERN_KEPT_IN_OUTBOX', agency: concern.agency, urgent: concern.urgent }, 'concern kept in the outbox');
      this.relay?.start();
      return true;
    } catch (err) {
      this.logger.error({ code: 'CONCERN_OUTBOX_WRITE_FAILED', err: errorSummary(err) }, 'could not keep a concern in the outbox');
      return false;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
