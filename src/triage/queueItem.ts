import type { Concern, ConcernStatus } from '../concerns/concern';
import { activeClaim, dueAt, isOverdue, type TriageClock } from './triageClock';
import type { OutcomeCategory } from '../concerns/triageRecord';

/** One line of an agency's queue: enough to choose what to open next, no reporter text. */
export interface QueueItem {
  ref: string;
  status: ConcernStatus;
  urgent: boolean;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  /** The council area it was routed by (null: unknown or outside South Yorkshire). */
  area: string | null;
  /** What it is mainly about: a child, a place or people, or not sure. */
  category: Concern['subject'];
  /** The staff id holding a live claim, if anyone. */
  claimedBy: string | null;
  /** The decision recorded so far, if any. */
  outcome: OutcomeCategory | null;
}

export function queueItem(concern: Concern, clock: TriageClock, now: Date): QueueItem {
  return {
    ref: concern.ref,
    status: concern.status,
    urgent: concern.urgent,
    receivedAt: concern.receivedAt,
    dueAt: dueAt(concern, clock).toISOString(),
    overdue: isOverdue(concern, clock, now),
    area: concern.area,
    category: concern.subject,
    claimedBy: activeClaim(concern.triage.claim, now)?.by ?? null,
    outcome: concern.triage.outcome?.category ?? null,
  };
}
