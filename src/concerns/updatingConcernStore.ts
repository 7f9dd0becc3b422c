import type { Concern, ConcernStatus } from './concern';
import type { OwedAlert, OwedAlertQuery, QueuePage, QueueQuery } from './concernIndex';
import type { ConcernStore, SubmitResult, UpdateOptions } from './concernStore';
import { mergePart, partFor } from './agencyParts';
import { newQuestionId, type ConcernUpdate, type TriageChange } from './concernUpdates';

/**
 * The reporter's and staff's changes to a stored concern, written once for every store: each is one
 * ConcernUpdate handed to the store's own `update`, which applies it atomically and durably.
 */
export abstract class UpdatingConcernStore implements ConcernStore {
  abstract submit(concern: Concern): Promise<SubmitResult>;
  abstract submissionRef(submissionId: string): Promise<string | undefined>;
  abstract get(ref: string): Promise<Concern | undefined>;
  abstract list(filter?: { agency?: string }): Promise<Concern[]>;
  abstract queue(agency: string, query: QueueQuery): Promise<QueuePage>;
  abstract owedAlerts(now: Date, query: OwedAlertQuery): Promise<OwedAlert[]>;
  abstract purgeClosedBefore(cutoff: Date): Promise<number>;

  /**
   * Applies the update `change` builds from the current concern; resolves with the concern as stored,
   * or undefined when there is no such concern or the change does not apply.
   */
  protected abstract update(ref: string, change: (concern: Concern) => ConcernUpdate): Promise<Concern | undefined>;

  async addInformation(ref: string, text: string, at: Date, options: UpdateOptions = {}): Promise<boolean> {
    return (await this.update(ref, () => ({ op: 'addition', text, at: at.toISOString(), ...dangerFlag(options) }))) !== undefined;
  }

  async askQuestion(ref: string, text: string, at: Date): Promise<string | undefined> {
    let id = '';
    const updated = await this.update(ref, (concern) => {
      id = newQuestionId(concern);
      return { op: 'question', id, text, at: at.toISOString() };
    });
    return updated && id;
  }

  async answerQuestion(ref: string, questionId: string, answer: string, at: Date, options: UpdateOptions = {}): Promise<boolean> {
    return (await this.update(ref, () => ({ op: 'answer', questionId, answer, at: at.toISOString(), ...dangerFlag(options) }))) !== undefined;
  }

  async updateTriage(ref: string, agency: string, change: (part: Concern) => TriageChange, at: Date): Promise<Concern | undefined> {
    const when = at.toISOString();
    let now = agency;
    const updated = await this.update(ref, (concern) => {
      // Not this agency's: the change sees the concern where it is, and refuses it (or changes nothing).
      const made = change(partFor(concern, agency) ?? concern);
      now = made.agency;
      return { op: 'triage', at: when, ...mergePart(concern, agency, made, when) };
    });
    return updated && (partFor(updated, now) ?? partFor(updated, agency));
  }

  async setStatus(ref: string, status: ConcernStatus, at: Date): Promise<boolean> {
    return (await this.update(ref, () => ({ op: 'status', status, at: at.toISOString() }))) !== undefined;
  }
}

const dangerFlag = (options: UpdateOptions) => (options.danger ? { danger: true } : {});
