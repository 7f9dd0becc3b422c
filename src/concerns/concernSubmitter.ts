import { errorSummary, type Logger } from '../logging/logger';
import type { Concern } from './concern';
import type { ConcernStore } from './concernStore';

export interface SubmitterOptions {
  /** Tries within the reporter's turn before saying "not sent yet". */
  attempts: number;
  /** Wait before the second try; doubles after each. */
  firstDelayMs: number;
  /** How often the background retries run for concerns that could not be stored. */
  outboxIntervalMs: number;
  /** Told of each concern once stored (the alerts are poked for an urgent one); must not throw or wait. */
  onStored: (concern: Concern) => void;
}

const DEFAULTS: SubmitterOptions = { attempts: 3, firstDelayMs: 200, outboxIntervalMs: 5000, onStored: () => undefined };

export type SubmitOutcome = { stored: true; ref: string } | { stored: false };

/**
 * Sends concerns to the store. A concern is reported stored only once the store acknowledged it; when
 * the store cannot be reached, the concern waits in memory and is retried in the background until it
 * is stored (submit is idempotent, so the reporter trying again at the same time makes no duplicate).
 */
export class ConcernSubmitter {
  private readonly options: SubmitterOptions;
  private readonly outbox = new Map<string, Concern>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: ConcernStore,
    private readonly logger: Logger,
    options: Partial<SubmitterOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async submit(concern: Concern): Promise<SubmitOutcome> {
    let delay = this.options.firstDelayMs;
    for (let attempt = 1; attempt <= this.options.attempts; attempt += 1) {
      try {
        const result = await this.store.submit(concern);
        this.outbox.delete(concern.submissionId);
        this.options.onStored(concern);
        this.logger.info({ code: 'CONCERN_STORED', agency: concern.agency, urgent: concern.urgent, duplicate: result.duplicate }, 'concern stored');
        return { stored: true, ref: result.ref };
      } catch (err) {
        this.logger.warn({ code: 'CONCERN_STORE_FAILED', attempt, err: errorSummary(err) }, 'could not store a concern');
        if (attempt < this.options.attempts) await sleep(delay);
        delay *= 2;
      }
    }
    this.outbox.set(concern.submissionId, concern);
    this.schedule();
    return { stored: false };
  }

  /** Concerns waiting to be stored. */
  get waiting(): number {
    return this.outbox.size;
  }

  /** Tries every waiting concern once now. */
  async flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stops the background retries, after one last try. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.outbox.size > 0) this.logger.error({ code: 'CONCERNS_NOT_STORED', count: this.outbox.size }, 'concerns still not stored at shutdown');
  }

  private async flushOnce(): Promise<void> {
    for (const [id, concern] of [...this.outbox]) {
      try {
        await this.store.submit(concern);
        this.outbox.delete(id);
        this.options.onStored(concern);
        this.logger.info({ code: 'CONCERN_STORED_LATE', agency: concern.agency, urgent: concern.urgent }, 'waiting concern stored');
      } catch {
        return; // still down: try again at the next tick
      }
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then(() => {
        if (this.outbox.size > 0) this.schedule();
      });
    }, this.options.outboxIntervalMs);
    this.timer.unref();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
