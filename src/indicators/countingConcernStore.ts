import type { Concern, ConcernStatus } from '../concerns/concern';
import type { OwedAlert, OwedAlertQuery, QueuePage, QueueQuery } from '../concerns/concernIndex';
import type { ConcernStore, SubmitResult, UpdateOptions } from '../concerns/concernStore';
import type { TriageChange } from '../concerns/concernUpdates';
import { errorSummary, type Logger } from '../logging/logger';
import type { TriageClock } from '../triage/triageClock';
import { indicatorArea, receivedCounts, triageCounts, type HowKnewReader } from './concernCounts';
import { monthOf, type Increments, type IndicatorStore } from './indicatorStore';
import type { IndicatorArea } from './indicatorMeasures';

export interface CountingOptions {
  indicators: IndicatorStore;
  clock: TriageClock;
  howKnew: HowKnewReader;
  logger: Logger;
}

/**
 * The concern store, counting for the partnership's indicators as it goes: once a change is durably
 * stored, its counts are added (a new concern, not a retried one; a first decision; a transfer, share or
 * closing). The count is written after the concern, so a crash between the two can lose that one count,
 * never double it; a count that fails is logged (a code, never text) and the change still stands.
 */
export class CountingConcernStore implements ConcernStore {
  constructor(
    private readonly store: ConcernStore,
    private readonly options: CountingOptions,
  ) {}

  async submit(concern: Concern): Promise<SubmitResult> {
    const result = await this.store.submit(concern);
    if (!result.duplicate) await this.count(new Date(concern.receivedAt), indicatorArea(concern), receivedCounts(concern, this.options.howKnew));
    return result;
  }

  async updateTriage(ref: string, agency: string, change: (part: Concern) => TriageChange, at: Date): Promise<Concern | undefined> {
    // The change may run more than once (another writer in between): the last run is the one stored.
    let seen: { before: Concern; made: TriageChange } | undefined;
    const updated = await this.store.updateTriage(
      ref,
      agency,
      (part) => {
        const made = change(part);
        seen = { before: part, made };
        return made;
      },
      at,
    );
    if (updated && seen) await this.count(at, indicatorArea(seen.before), triageCounts(seen.before, seen.made, this.options.clock));
    return updated;
  }

  submissionRef(submissionId: string): Promise<string | undefined> {
    return this.store.submissionRef(submissionId);
  }
  get(ref: string): Promise<Concern | undefined> {
    return this.store.get(ref);
  }
  list(filter?: { agency?: string }): Promise<Concern[]> {
    return this.store.list(filter);
  }
  queue(agency: string, query: QueueQuery): Promise<QueuePage> {
    return this.store.queue(agency, query);
  }
  owedAlerts(now: Date, query: OwedAlertQuery): Promise<OwedAlert[]> {
    return this.store.owedAlerts(now, query);
  }
  addInformation(ref: string, text: string, at: Date, options?: UpdateOptions): Promise<boolean> {
    return this.store.addInformation(ref, text, at, options);
  }
  askQuestion(ref: string, text: string, at: Date): Promise<string | undefined> {
    return this.store.askQuestion(ref, text, at);
  }
  answerQuestion(ref: string, questionId: string, answer: string, at: Date, options?: UpdateOptions): Promise<boolean> {
    return this.store.answerQuestion(ref, questionId, answer, at, options);
  }
  setStatus(ref: string, status: ConcernStatus, at: Date): Promise<boolean> {
    return this.store.setStatus(ref, status, at);
  }
  purgeClosedBefore(cutoff: Date): Promise<number> {
    return this.store.purgeClosedBefore(cutoff);
  }

  private async count(at: Date, area: IndicatorArea, increments: Increments): Promise<void> {
    try {
      await this.options.indicators.add(monthOf(at), area, increments);
    } catch (err) {
      this.options.logger.warn({ code: 'INDICATOR_COUNT_FAILED', err: errorSummary(err) }, 'could not add to the indicators');
    }
  }
}
