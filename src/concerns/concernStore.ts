import type { Concern, ConcernStatus } from './concern';
import type { OwedAlert, OwedAlertQuery, QueuePage, QueueQuery } from './concernIndex';
import type { TriageChange } from './concernUpdates';

/** What the store says after a submit: the reference stored (the first one, if this was a retry). */
export interface SubmitResult {
  ref: string;
  /** True when this submissionId had already been stored: nothing new was written. */
  duplicate: boolean;
}

/** How a reporter's later message changes the concern. */
export interface UpdateOptions {
  /** The safety check found danger in it: the concern becomes urgent and duty staff are alerted again. */
  danger?: boolean;
}

/**
 * The durable queue of concerns, one queue per agency. Every method resolves only once the change is
 * durably stored (Redis acknowledged the write / the file was flushed to disk) and rejects otherwise:
 * callers confirm nothing to a reporter until the promise resolves.
 */
export interface ConcernStore {
  /** Stores the concern and queues it for every agency that has it. Idempotent by concern.submissionId. */
  submit(concern: Concern): Promise<SubmitResult>;
  /** The reference stored for this submission (a report sent before, whatever the reporter was told), or undefined. */
  submissionRef(submissionId: string): Promise<string | undefined>;
  /** The concern with this reference (already normalised), or undefined. */
  get(ref: string): Promise<Concern | undefined>;
  /** All concerns, oldest first, optionally one agency's only (the operator CLI; reads every concern). */
  list(filter?: { agency?: string }): Promise<Concern[]>;
  /** One page of an agency's queue (each concern as that agency's part), urgent first and then oldest first, read through its index. */
  queue(agency: string, query: QueueQuery): Promise<QueuePage>;
  /**
   * Alerts owed at `now` to the agencies asked about (urgent ones not yet sent, oldest first; overdue ones
   * fallen due, longest overdue first), at most `limit` of each kind per agency, read from the alert indexes.
   */
  owedAlerts(now: Date, query: OwedAlertQuery): Promise<OwedAlert[]>;
  /** Adds what the reporter told us later. False when there is no such concern. */
  addInformation(ref: string, text: string, at: Date, options?: UpdateOptions): Promise<boolean>;
  /** Records a question duty staff left for the reporter; returns its id (undefined: no such concern). */
  askQuestion(ref: string, text: string, at: Date): Promise<string | undefined>;
  /** Records the reporter's answer to a staff question. False when there is no such concern or question. */
  answerQuestion(ref: string, questionId: string, answer: string, at: Date, options?: UpdateOptions): Promise<boolean>;
  /** Moves the concern to a new status (closing sets when, for retention). False when there is no such concern. */
  setStatus(ref: string, status: ConcernStatus, at: Date): Promise<boolean>;
  /**
   * Applies one agency's staff's change to that agency's part (agencyParts.ts), computed from the concern as
   * stored now (and computed again if another writer changed it in between, so two staff acting at once
   * cannot both win). `change` sees that agency's part, or the whole concern when the agency does not have
   * it, and may throw to refuse (a claim held by someone else, say): nothing is written and the error is
   * passed on. Resolves with the agency's part as stored (after a transfer: the part where it went), or
   * undefined when there is no such concern.
   */
  updateTriage(ref: string, agency: string, change: (part: Concern) => TriageChange, at: Date): Promise<Concern | undefined>;
  /** Deletes concerns closed before the cutoff, queue entries included; returns how many. */
  purgeClosedBefore(cutoff: Date): Promise<number>;
}
