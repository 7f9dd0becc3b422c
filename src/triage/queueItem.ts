import type { Concern, ConcernStatus } from '../concerns/concern';
import { activeClaim, dueAt, isOverdue, type TriageClock } from './triageClock';
import type { OutcomeCategory } from '../concerns/triageRecord';
import { partClosed, workStatus } from '../concerns/agencyParts';

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
  /** Transferred or shared to this agency, and nobody here has opened it yet. */
  newToTeam: boolean;
  /** What the reporter added or answered since someone here last opened it. */
  unread: number;
  /** The other agencies that have it too (shared), with where their part stands. */
  alsoWith: Array<{ agency: string; status: ConcernStatus }>;
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
    newToTeam: concern.triage.arrived !== 'routed' && concern.triage.openedAt === null,
    unread: unreadFromReporter(concern),
    alsoWith: concern.shares.map((s) => ({ agency: s.agency, status: workStatus(s.triage, partClosed(s.triage, concern)) })),
  };
}

/** Additions and answers from the reporter after the agency's last opening (all of them if never opened). */
export function unreadFromReporter(part: Concern): number {
  const since = part.triage.openedAt === null ? -Infinity : Date.parse(part.triage.openedAt);
  const added = part.additions.filter((a) => Date.parse(a.at) > since).length;
  const answered = part.questions.filter((q) => q.answeredAt !== null && Date.parse(q.answeredAt) > since).length;
  return added + answered;
}
