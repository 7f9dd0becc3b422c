import type { Concern, ConcernStatus } from './concern';
import { SHARED_BY_ROUTING, type ConcernShare } from './concernShare';
import type { TriageChange } from './concernUpdates';
import { PASSED_ON_OUTCOMES, type TriageRecord } from './triageRecord';

/**
 * A concern can be with more than one agency: the one it was routed (or transferred) to, whose record is
 * `concern.agency` and `concern.triage`, and those it was shared with (`concern.shares`). Each agency's
 * part is its own triage record. Staff work on their agency's part as if it were the whole concern (the
 * rules in src/triage see only that), and the change is merged back here; the reporter sees one status.
 */

/** Every agency that has the concern: the one it was routed to first, then those it was shared with. */
export function agenciesWith(concern: Concern): string[] {
  return [concern.agency, ...concern.shares.map((s) => s.agency)];
}

/** True when this agency has closed its part (for records from before sharing: the concern is closed). */
export function partClosed(triage: TriageRecord, concern: Concern): boolean {
  return triage.closedAt !== null || concern.status === 'closed';
}

/**
 * Where one agency's part stands, as its staff see it: closed; passed on (its decision was a referral);
 * being looked at (someone here has acted since it arrived); or received. A concern transferred or shared
 * in starts again at received, so the "New" filter finds it.
 */
export function workStatus(triage: TriageRecord, closed: boolean): ConcernStatus {
  if (closed) return 'closed';
  if (triage.outcome && PASSED_ON_OUTCOMES.includes(triage.outcome.category)) return 'passed-on';
  return triage.acknowledgedAt === null ? 'received' : 'being-looked-at';
}

/**
 * The concern as one agency's staff see it: that agency's triage record and status, and as `shares` the
 * other agencies that have it, with only their outcome, acknowledgement and closing (their notes, claims and
 * questions stay with them). Undefined when the agency does not have it.
 */
export function partFor(concern: Concern, agency: string): Concern | undefined {
  const parts = allParts(concern);
  const own = parts.find((p) => p.agency === agency);
  if (!own) return undefined;
  const others = parts.filter((p) => p !== own).map(summaryOf);
  return { ...concern, agency, triage: own.triage, status: workStatus(own.triage, partClosed(own.triage, concern)), shares: others };
}

/**
 * A change made to one agency's part, as a change to the whole concern: that part's record replaced (and
 * its closing time set when the change closes it), a transfer moving that part to the new agency, a share
 * adding a part, and the reporter's status worked out from every part.
 */
export function mergePart(concern: Concern, agency: string, change: TriageChange, at: string): TriageChange {
  const primary = agency === concern.agency;
  const before = primary ? concern.triage : concern.shares.find((s) => s.agency === agency)?.triage;
  const closing = change.status === 'closed' && before !== undefined && !partClosed(before, concern);
  const triage = closing && change.triage.closedAt === null ? { ...change.triage, closedAt: at } : change.triage;
  let shares = primary ? concern.shares : concern.shares.map((s) => (s.agency === agency ? { ...s, agency: change.agency, triage } : s));
  if (change.share) shares = [...shares, change.share];
  const merged = {
    ...concern,
    agency: primary ? change.agency : concern.agency,
    triage: primary ? triage : concern.triage,
    shares,
  };
  const { question } = change;
  return { triage: merged.triage, agency: merged.agency, shares, status: reporterSees(merged, concern.status), ...(question ? { question } : {}) };
}

const RANK: Record<ConcernStatus, number> = { received: 0, 'being-looked-at': 1, 'passed-on': 2, closed: 3 };

/**
 * The one status the reporter sees: closed once every agency has closed its part; otherwise the furthest any
 * agency has got ("passed to the right team" once any transferred it or referred it on), never going back.
 */
export function reporterSees(concern: Concern, before: ConcernStatus): ConcernStatus {
  const parts = allParts(concern);
  if (parts.every((p) => partClosed(p.triage, concern))) return 'closed';
  let furthest: ConcernStatus = before === 'closed' ? 'received' : before;
  for (const { triage } of parts) {
    const status = reporterStatus(triage, false);
    if (RANK[status] > RANK[furthest]) furthest = status;
  }
  return furthest;
}

/**
 * What one part alone would tell the reporter: closed once closed; "passed to the right team" once
 * transferred or decided with a referral; "being looked at" once anyone acknowledged it; otherwise
 * "received". It only moves forward, so a returning reporter never sees it go back.
 */
export function reporterStatus(triage: TriageRecord, closed: boolean): ConcernStatus {
  if (closed) return 'closed';
  const decisions = triage.outcome ? [...triage.previousOutcomes, triage.outcome] : triage.previousOutcomes;
  if (triage.transfers.length > 0 || decisions.some((o) => PASSED_ON_OUTCOMES.includes(o.category))) return 'passed-on';
  return triage.acknowledgedAt === null ? 'received' : 'being-looked-at';
}

/** Every part as a share record, the routed one first (as if routing had shared it on receipt). */
function allParts(concern: Concern): ConcernShare[] {
  const routed = { agency: concern.agency, at: concern.receivedAt, by: SHARED_BY_ROUTING, from: null, reason: null, triage: concern.triage };
  return [routed, ...concern.shares];
}

/** What another agency sees of a part: whether and when it was acknowledged, decided and closed. */
function summaryOf(part: ConcernShare): ConcernShare {
  const { acknowledgedAt, outcome, closedAt, clockFrom, alerts, openedAt, arrived } = part.triage;
  return {
    ...part,
    triage: { claim: null, acknowledgedAt, notes: [], outcome, previousOutcomes: [], transfers: [], clockFrom, alerts, closedAt, openedAt, arrived },
  };
}
