import { errorSummary, type Logger } from '../logging/logger';
import type { ConcernStore } from './concernStore';

const DAY_MS = 86_400_000;
/** How often closed concerns past their retention are looked for. */
const SWEEP_INTERVAL_MS = 3600_000;

/** Deletes closed concerns once they have been closed longer than the retention period. */
export class RetentionSweep {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: ConcernStore,
    private readonly retentionDays: number,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** Deletes what is due now; returns how many concerns were deleted. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.retentionDays * DAY_MS);
    const deleted = await this.store.purgeClosedBefore(cutoff);
    if (deleted > 0) this.logger.info({ code: 'CONCERNS_PURGED', count: deleted }, 'closed concerns past retention deleted');
    return deleted;
  }

  /** Sweeps once soon after start-up, then every hour. */
  start(): void {
    const run = () => {
      this.sweep().catch((err: unknown) => this.logger.warn({ code: 'PURGE_FAILED', err: errorSummary(err) }, 'retention sweep failed'));
    };
    this.timer = setInterval(run, SWEEP_INTERVAL_MS);
    this.timer.unref();
    this.first = setTimeout(run, 1000);
    this.first.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = undefined;
    this.first = undefined;
  }
}
