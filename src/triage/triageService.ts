import type { AuditAction, AuditEntry, AuditLog } from '../audit/auditEntry';
import type { Agency, AgencyDirectory } from '../concerns/agencies';
import type { Concern, ConcernStatus } from '../concerns/concern';
import type { ConcernStore } from '../concerns/concernStore';
import { normaliseReference } from '../concerns/referenceCode';
import type { Caller } from './caller';
import { byUrgencyThenAge, queueItem, type QueueItem } from './queueItem';
import type { StaffCommand } from './staffCommands';
import type { TriageAction } from './triageActions';
import { notFound } from './triageErrors';
import type { TriageClock } from './triageClock';

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

  /**
   * Runs one staff command (staffCommands.ts) on one concern: its check, then its rule inside the atomic
   * change, then its audit entry. The body is the command's, already parsed.
   */
  perform<Body>(caller: Caller, ref: string, command: StaffCommand<Body, AuditAction>, body: Body): Promise<ConcernDetail> {
    command.check?.(body, this.deps.agencies);
    return this.act(caller, ref, command.rule(body), command.audit.action, command.audit.detail?.(body, caller) ?? {});
  }

  /** The agencies a manager can transfer to (every agency but the caller's own). */
  transferTargets(caller: Caller): Agency[] {
    return this.deps.agencies.all().filter((a) => a.id !== caller.agency);
  }

  private async act(
    caller: Caller,
    ref: string,
    action: TriageAction,
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
