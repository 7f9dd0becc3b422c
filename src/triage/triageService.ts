import type { AuditAction, AuditEntry, AuditLog } from '../audit/auditEntry';
import type { Agency, AgencyDirectory } from '../concerns/agencies';
import type { Concern, ConcernStatus } from '../concerns/concern';
import { queueScore, type QueueCursor } from '../concerns/concernIndex';
import type { ConcernStore } from '../concerns/concernStore';
import { partFor } from '../concerns/agencyParts';
import { normaliseReference } from '../concerns/referenceCode';
import type { Caller } from './caller';
import { queueItem, type QueueItem } from './queueItem';
import type { StaffCommand } from './staffCommands';
import type { TriageAction } from './triageActions';
import { isNotFound, notFound, refuseWithoutConcerns } from './triageErrors';
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

/** Which page of the queue: at most `limit` lines, after the cursor a previous page gave. */
export interface QueuePageRequest {
  limit?: number;
  after?: QueueCursor;
}

/** One page of the queue, and where the next one starts when there may be more. */
export interface QueueListing {
  items: QueueItem[];
  next?: QueueCursor;
}

/** Lines on one page of the queue unless the caller asks for fewer (or more, up to QUEUE_PAGE_MAX). */
export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_PAGE_MAX = 200;
/** A filter the index cannot answer (a status, overdue) reads at most this many index pages per request. */
const MAX_READS_PER_PAGE = 20;

/** A concern as staff see it: its queue line and everything the reporter said and staff did. */
export interface ConcernDetail {
  item: QueueItem;
  concern: Concern;
  /** The queue line as it was before this opening: what was new to the team or unread then. */
  before: QueueItem;
}

/**
 * What duty staff can do, for one caller at a time. Every concern outside the caller's agency answers as
 * if it did not exist; every change is checked against the concern as stored at that moment and then
 * written to the audit trail (who, what, when, which concern, and closed values only, never text).
 */
export class TriageService {
  constructor(private readonly deps: TriageServiceDeps) {}

  /**
   * One page of the caller's agency's queue, urgent first and then oldest first, read through the store's
   * queue index (never every concern). Urgency is answered by the index; a status or overdue filter is
   * applied to what the index gives, reading on until the page is full or MAX_READS_PER_PAGE index pages
   * were read (then `next` says where to go on).
   */
  async list(caller: Caller, filter: QueueFilter = {}, page: QueuePageRequest = {}): Promise<QueueListing> {
    refuseWithoutConcerns(caller);
    const limit = Math.min(Math.max(1, page.limit ?? QUEUE_PAGE_SIZE), QUEUE_PAGE_MAX);
    const now = this.deps.now();
    const query = { closed: filter.status === 'closed', limit, ...(filter.urgent === undefined ? {} : { urgent: filter.urgent }) };
    const items: QueueItem[] = [];
    let after = page.after;
    for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
      const read = await this.deps.store.queue(caller.agency, { ...query, ...(after ? { after } : {}) });
      for (const [i, concern] of read.concerns.entries()) {
        const item = queueItem(concern, this.deps.clock, now);
        if (!matches(item, filter)) continue;
        items.push(item);
        if (items.length < limit) continue;
        const more = i < read.concerns.length - 1 || read.next !== undefined;
        return more ? { items, next: { score: queueScore(concern.urgent, concern.receivedAt), ref: concern.ref } } : { items };
      }
      if (!read.next) return { items };
      after = read.next;
    }
    return after ? { items, next: after } : { items };
  }

  /**
   * The concern as the caller's agency has it; reading it is audited too. Opening it marks what the reporter
   * added or answered as read, and a concern transferred or shared in as no longer new to this team.
   */
  async get(caller: Caller, ref: string): Promise<ConcernDetail> {
    refuseWithoutConcerns(caller);
    let part = await this.own(caller, ref);
    const now = this.deps.now();
    const before = queueItem(part, this.deps.clock, now);
    if (before.unread > 0 || part.triage.openedAt === null) {
      const opened = (p: Concern) => ({ triage: { ...p.triage, openedAt: now.toISOString() }, status: p.status, agency: p.agency });
      part = (await this.deps.store.updateTriage(part.ref, caller.agency, opened, now)) ?? part;
    }
    await this.record(caller, 'view', part.ref, {});
    return { ...this.detail(part), before };
  }

  async auditTrail(caller: Caller, ref: string): Promise<AuditEntry[]> {
    refuseWithoutConcerns(caller);
    const part = await this.own(caller, ref);
    // This agency's part's trail: its own entries, those of agencies that transferred this part here (the
    // record came with it), the transfer or share that brought it, and attempts on it from outside.
    const before = new Set(part.triage.transfers.map((t) => t.from));
    return (await this.deps.audit.forRef(part.ref)).filter(
      (e) => e.agency === caller.agency || (e.agency !== null && before.has(e.agency)) || e.detail.to === caller.agency || e.action === 'refused',
    );
  }

  /**
   * Runs one staff command (staffCommands.ts) on one concern: its check, then its rule inside the atomic
   * change, then its audit entry. The body is the command's, already parsed.
   */
  perform<Body>(caller: Caller, ref: string, command: StaffCommand<Body, AuditAction>, body: Body): Promise<ConcernDetail> {
    refuseWithoutConcerns(caller);
    command.check?.(body, this.deps.agencies);
    return this.act(caller, ref, command.rule(body), command.audit.action, command.audit.detail?.(body, caller) ?? {});
  }

  /** The agencies a manager can transfer or share to (every agency but the caller's own). */
  transferTargets(caller: Caller): Agency[] {
    refuseWithoutConcerns(caller);
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
    let updated: Concern | undefined;
    try {
      updated = await this.deps.store.updateTriage(normalised, caller.agency, (part) => action(part, ctx), now);
    } catch (err) {
      if (isNotFound(err)) await this.auditIfElsewhere(caller, normalised);
      throw err;
    }
    if (!updated) throw notFound();
    await this.record(caller, audited, normalised, detail);
    return this.detail(updated);
  }

  /** The caller's agency's part of the concern; not-found when it has none, whatever the reason. */
  private async own(caller: Caller, ref: string): Promise<Concern> {
    const normalised = normaliseReference(ref);
    const concern = normalised === undefined ? undefined : await this.deps.store.get(normalised);
    const part = concern && partFor(concern, caller.agency);
    if (concern && !part) await this.refused(caller, concern.ref);
    if (!part) throw notFound();
    return part;
  }

  /** After a not-found: if the concern exists and the caller's agency does not have it, the attempt is audited. */
  private async auditIfElsewhere(caller: Caller, ref: string): Promise<void> {
    const concern = await this.deps.store.get(ref);
    if (concern && !partFor(concern, caller.agency)) await this.refused(caller, ref);
  }

  /**
   * Staff reached for another agency's concern: they were answered "not found" like anyone, and the attempt
   * is on that concern's audit trail (who, from which agency, when), for its own agency to see.
   */
  private refused(caller: Caller, ref: string): Promise<void> {
    return this.record(caller, 'refused', ref, { reason: 'other-agency' });
  }

  private detail(concern: Concern): ConcernDetail {
    const item = queueItem(concern, this.deps.clock, this.deps.now());
    return { item, concern, before: item };
  }

  private record(caller: Caller, action: AuditAction, ref: string, detail: Record<string, string>): Promise<void> {
    const at = this.deps.now().toISOString();
    return this.deps.audit.append({ at, staffId: caller.staffId, agency: caller.agency, action, ref, detail });
  }
}

function matches(item: QueueItem, filter: QueueFilter): boolean {
  if (filter.status && item.status !== filter.status) return false;
  if (filter.urgent !== undefined && item.urgent !== filter.urgent) return false;
  return filter.overdue === undefined || item.overdue === filter.overdue;
}
