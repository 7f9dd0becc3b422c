import type { ConcernStatus } from '../concerns/concern';
import { PASSED_ON_OUTCOMES, type TriageRecord } from '../concerns/triageRecord';

/**
 * The coarse status the reporter sees, from the triage record: closed once closed; "passed to the right
 * team" once transferred or decided with a referral; "being looked at" once anyone acknowledged it;
 * otherwise "received". It only moves forward, so a returning reporter never sees it go back.
 */
export function reporterStatus(triage: TriageRecord, closed: boolean): ConcernStatus {
  if (closed) return 'closed';
  const decisions = triage.outcome ? [...triage.previousOutcomes, triage.outcome] : triage.previousOutcomes;
  if (triage.transfers.length > 0 || decisions.some((o) => PASSED_ON_OUTCOMES.includes(o.category))) return 'passed-on';
  return triage.acknowledgedAt === null ? 'received' : 'being-looked-at';
}
