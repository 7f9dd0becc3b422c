import type { AuditAction, AuditEntry, AuditLog } from '../audit/auditEntry';
import type { Agency, AgencyDirectory } from '../concerns/agencies';
import type { Concern, ConcernStatus } from '../concerns/concern';
import type { ConcernStore } from '../concerns/concernStore';
import { normaliseReference } from '../concerns/referenceCode';
import type { Caller } from './caller';
import { byUrgencyThenAge, queueItem, type QueueItem } from './queueItem';
import * as actions from './triageActions';
import { notFound, TriageError } from './triageErrors';
import type { TriageClock } from './triageClock';
import type { OutcomeCategory, RiskRating } from './triageRecord';

export interface TriageServiceDeps {
  store: ConcernStore;
  audit: AuditLog;
  agencies: AgencyDirectory;
  clock: TriageClock;
  /** How long a claim lasts without any action by its holder before the concern returns to the queue. */
  claimMinutes: number;
  now: () => Date;
}

/** Which concerns a queue shows. Without a status, every concern that is not closed. */
export interface QueueFilter {
  status?: ConcernStatus;
  urgent?: boolean;
  overdue?: boolean;
}

/** A concern as staff see it: its queue line and everything the reporter said and staff did. */
export interface ConcernDetail {
  item: QueueItem;
  concern: Concern;
}

/**
 * What duty staff can do, for one caller at a time. Every concern outside the caller's agency answers as
 * if it did not exist; every change is checked against the concern as stored at that moment and then
 * written to the audit trail (who, what, when, which concern, and closed values only, never text).
 */
export class TriageService {
  constructor(private readonly deps: TriageServiceDeps) {}

  async list(caller: Caller, filter: QueueFilter = {}): Promise<QueueItem[]> {
    const now = this.deps.now();
    const concerns = await this.deps.store.list({ agency: caller.agency });
    return concerns
      .map((c) => queueItem(c, this.deps.clock, now))
      .filter((item) => (filter.status ? item.status === filter.status : item.status !== 'closed'))
      .filter((item) => filter.urgent === undefined || item.urgent === filter.urgent)
      .filter((item) => filter.overdue === undefined || item.overdue === filter.overdue)
      .sort(byUrgencyThenAge);
  }

  /** The whole concern; reading it is audited too. */
  async get(caller: Caller, ref: string): Promise<ConcernDetail> {
    const concern = await this.own(caller, ref);
    await this.record(caller, 'view', concern.ref, {});
    return this.detail(concern);
  }

  async auditTrail(caller: Caller, ref: string): Promise<AuditEntry[]> {
    const concern = await this.own(caller, ref);
    return this.deps.audit.forRef(concern.ref);
  }

  claim(caller: Caller, ref: string) {
    return this.act(caller, ref, actions.claim, 'claim', {});
  }

  release(caller: Caller, ref: string) {
    return this.act(caller, ref, actions.release, 'release', {});
  }

  addNote(caller: Caller, ref: string, text: string) {
    return this.act(caller, ref, actions.addNote(text), 'note', {});
  }

  askReporter(caller: Caller, ref: string, text: string) {
    return this.act(caller, ref, actions.askReporter(text), 'question', {});
  }

  recordOutcome(caller: Caller, ref: string, outcome: { category: OutcomeCategory; rag: RiskRating; rationale: string }) {
    const action = actions.recordOutcome(outcome.category, outcome.rag, outcome.rationale);
    return this.act(caller, ref, action, 'outcome', { category: outcome.category, rag: outcome.rag });
  }

  transfer(caller: Caller, ref: string, to: string, reason: string) {
    if (!this.deps.agencies.has(to)) throw new TriageError('invalid', 'unknown_agency', 'There is no agency with that id.');
    return this.act(caller, ref, actions.transfer(to, reason), 'transfer', { from: caller.agency, to });
  }

  close(caller: Caller, ref: string) {
    return this.act(caller, ref, actions.close, 'close', {});
  }

  /** The agencies a manager can transfer to (every agency but the caller's own). */
  transferTargets(caller: Caller): Agency[] {
    return this.deps.agencies.all().filter((a) => a.id !== caller.agency);
  }

  private async act(
    caller: Caller,
    ref: string,
    action: actions.TriageAction,
    audited: AuditAction,
    detail: Record<string, string>,
  ): Promise<ConcernDetail> {
    const normalised = normaliseReference(ref);
    if (normalised === undefined) throw notFound();
    const now = this.deps.now();
    const ctx = { caller, now, claimMinutes: this.deps.claimMinutes };
    // Every action refuses another agency's concern as not found, inside the atomic change: no read first.
    const updated = await this.deps.store.updateTriage(normalised, (concern) => action(concern, ctx), now);
    if (!updated) throw notFound();
    await this.record(caller, audited, normalised, detail);
    return this.detail(updated);
  }

  /** The concern if it is in the caller's agency's queue; not-found otherwise, whatever the reason. */
  private async own(caller: Caller, ref: string): Promise<Concern> {
    const normalised = normaliseReference(ref);
    const concern = normalised === undefined ? undefined : await this.deps.store.get(normalised);
    if (!concern || concern.agency !== caller.agency) throw notFound();
    return concern;
  }

  private detail(concern: Concern): ConcernDetail {
    return { item: queueItem(concern, this.deps.clock, this.deps.now()), concern };
  }

  private record(caller: Caller, action: AuditAction, ref: string, detail: Record<string, string>): Promise<void> {
    const at = this.deps.now().toISOString();
    return this.deps.audit.append({ at, staffId: caller.staffId, agency: caller.agency, action, ref, detail });
  }
}
