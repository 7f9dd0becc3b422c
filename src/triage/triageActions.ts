import type { AgencyDirectory } from '../concerns/agencies';
import type { Concern } from '../concerns/concern';
import { newQuestionId, type TriageChange } from '../concerns/concernUpdates';
import { hasRole } from '../staff/staffAccount';
import type { Caller } from './caller';
import { notFound, TriageError } from './triageErrors';
import { activeClaim } from './triageClock';
import { workStatus } from '../concerns/agencyParts';
import { newTriageRecord, type OutcomeCategory, type RiskRating, type TriageRecord } from '../concerns/triageRecord';

/** What every action needs: who acts, when, and how long a claim lasts. */
export interface ActionContext {
  caller: Caller;
  now: Date;
  claimMinutes: number;
}

/** One triage action: the change it makes to a concern as stored now, or a TriageError refusing it. */
export type TriageAction = (concern: Concern, ctx: ActionContext) => TriageChange;

export const claim: TriageAction = (concern, ctx) => {
  const triage = workable(concern, ctx);
  return change(concern, { ...triage, claim: claimFor(ctx) });
};

/** Gives a claim up. A manager may release a colleague's claim (someone off sick with a concern claimed). */
export const release: TriageAction = (concern, ctx) => {
  const held = activeClaim(ownAgency(concern, ctx).triage.claim, ctx.now);
  if (held && held.by !== ctx.caller.staffId && !hasRole(ctx.caller.role, 'manager')) throw claimedBy(held.by);
  return change(concern, { ...concern.triage, claim: null });
};

export const addNote =
  (text: string): TriageAction =>
  (concern, ctx) => {
    const triage = workable(concern, ctx);
    const note = { id: newNoteId(triage), by: ctx.caller.staffId, at: ctx.now.toISOString(), text };
    return change(concern, { ...triage, notes: [...triage.notes, note], claim: keepOwnClaim(triage, ctx) });
  };

export const askReporter =
  (text: string): TriageAction =>
  (concern, ctx) => {
    const triage = workable(concern, ctx);
    const question = { id: newQuestionId(concern), text };
    return { ...change(concern, { ...triage, claim: keepOwnClaim(triage, ctx) }), question };
  };

export const recordOutcome =
  (category: OutcomeCategory, rag: RiskRating, rationale: string): TriageAction =>
  (concern, ctx) => {
    const triage = workable(concern, ctx);
    const outcome = { category, rag, rationale, by: ctx.caller.staffId, at: ctx.now.toISOString() };
    const previousOutcomes = triage.outcome ? [...triage.previousOutcomes, triage.outcome] : triage.previousOutcomes;
    return change(concern, { ...triage, outcome, previousOutcomes, claim: keepOwnClaim(triage, ctx) });
  };

/**
 * Moves the concern to another agency's queue (managers only): the claim ends, the decision so far is set
 * aside (kept in previousOutcomes), the clock starts again for the new agency, and its alerts are due again.
 */
export const transfer =
  (to: string, reason: string): TriageAction =>
  (concern, ctx) => {
    // Another agency's concern is not found before it is forbidden: a refusal must not say it exists.
    ownAgency(concern, ctx);
    if (!hasRole(ctx.caller.role, 'manager')) {
      throw new TriageError('forbidden', 'manager_only', 'Only a manager can transfer a concern to another agency.');
    }
    const triage = workable(concern, ctx);
    if (to === concern.agency) throw new TriageError('invalid', 'same_agency', 'The concern is already in that agency\u2019s queue.');
    if (concern.shares.some((s) => s.agency === to)) throw alreadyHas();
    const at = ctx.now.toISOString();
    const moved: TriageRecord = {
      ...triage,
      claim: null,
      outcome: null,
      previousOutcomes: triage.outcome ? [...triage.previousOutcomes, triage.outcome] : triage.previousOutcomes,
      transfers: [...triage.transfers, { from: concern.agency, to, reason, by: ctx.caller.staffId, at }],
      clockFrom: at,
      alerts: newTriageRecord().alerts,
      // New to the team it goes to: nobody there has acknowledged or opened it.
      acknowledgedAt: null,
      openedAt: null,
      arrived: 'transferred',
    };
    return { ...change(concern, moved), agency: to };
  };

/**
 * Gives another agency a part of its own (managers only): it gets its own triage record, with its clock
 * starting now and its alerts due; this agency keeps its part as it is. Both see that the other has it.
 */
export const share =
  (to: string, reason: string): TriageAction =>
  (concern, ctx) => {
    ownAgency(concern, ctx);
    if (!hasRole(ctx.caller.role, 'manager')) {
      throw new TriageError('forbidden', 'manager_only', 'Only a manager can share a concern with another agency.');
    }
    const triage = workable(concern, ctx);
    if (to === concern.agency) throw new TriageError('invalid', 'same_agency', 'The concern is already in that agency\u2019s queue.');
    if (concern.shares.some((s) => s.agency === to)) throw alreadyHas();
    const at = ctx.now.toISOString();
    const part = { ...newTriageRecord(), clockFrom: at, arrived: 'shared' as const };
    const given = { agency: to, at, by: ctx.caller.staffId, from: concern.agency, reason, triage: part };
    return { ...change(concern, { ...triage, claim: keepOwnClaim(triage, ctx) }), share: given };
  };

function alreadyHas(): TriageError {
  return new TriageError('invalid', 'already_has', 'That agency already has this concern.');
}

/** A transfer or share goes to an agency in the directory: checked before the concern is read. */
export function checkTransferTarget(to: string, agencies: AgencyDirectory): void {
  if (!agencies.has(to)) throw new TriageError('invalid', 'unknown_agency', 'There is no agency with that id.');
}

/** Closes the concern. A decision must be recorded first: nothing is closed without one. */
export const close: TriageAction = (concern, ctx) => {
  const triage = workable(concern, ctx);
  if (triage.outcome === null) {
    throw new TriageError('conflict', 'no_outcome', 'Record an outcome before closing the concern.');
  }
  return { triage: { ...triage, claim: null, closedAt: ctx.now.toISOString() }, status: 'closed', agency: concern.agency };
};

/** The part's record if the caller may change it: their agency's, not closed, not claimed by someone else. */
function workable(concern: Concern, ctx: ActionContext): TriageRecord {
  ownAgency(concern, ctx);
  if (concern.status === 'closed') throw new TriageError('conflict', 'closed', 'This concern is closed.');
  const held = activeClaim(concern.triage.claim, ctx.now);
  if (held && held.by !== ctx.caller.staffId) throw claimedBy(held.by);
  return { ...concern.triage, acknowledgedAt: concern.triage.acknowledgedAt ?? ctx.now.toISOString() };
}

function ownAgency(concern: Concern, ctx: ActionContext): Concern {
  // Checked again inside every change: a transfer may have moved the concern since the caller read it.
  if (concern.agency !== ctx.caller.agency) throw notFound();
  return concern;
}

function claimedBy(staffId: string): TriageError {
  return new TriageError('conflict', 'claimed', `Someone else is working on this concern (${staffId}).`);
}

function claimFor(ctx: ActionContext) {
  const until = new Date(ctx.now.getTime() + ctx.claimMinutes * 60_000).toISOString();
  return { by: ctx.caller.staffId, at: ctx.now.toISOString(), until };
}

/** Acting on a concern you hold extends your claim; acting on an unclaimed one does not claim it. */
function keepOwnClaim(triage: TriageRecord, ctx: ActionContext) {
  const held = activeClaim(triage.claim, ctx.now);
  return held ? claimFor(ctx) : null;
}

/** The part's new record; the reporter's status is worked out from every part when it is merged (agencyParts). */
function change(concern: Concern, triage: TriageRecord): TriageChange {
  return { triage, status: workStatus(triage, false), agency: concern.agency };
}

function newNoteId(triage: TriageRecord): string {
  return `n${triage.notes.length + 1}`;
}
