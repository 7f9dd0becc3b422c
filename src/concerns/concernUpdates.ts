import { randomBytes } from 'node:crypto';
import type { Concern, ConcernStatus } from './concern';
import type { ConcernShare } from './concernShare';
import type { TriageRecord } from './triageRecord';
import { validConcern } from './concernStoreErrors';

/** One change to a stored concern after it was submitted; times are ISO strings. */
export type ConcernUpdate =
  | { op: 'addition'; text: string; at: string; danger?: boolean }
  | { op: 'question'; id: string; text: string; at: string }
  | { op: 'answer'; questionId: string; answer: string; at: string; danger?: boolean }
  | { op: 'status'; status: ConcernStatus; at: string }
  | ({ op: 'triage'; at: string } & TriageChange);

/**
 * Duty staff's change to a concern: its triage record, the status the reporter sees, and the agency
 * whose queue holds it (a transfer changes it).
 */
export interface TriageChange {
  triage: TriageRecord;
  status: ConcernStatus;
  agency: string;
  /** A question for the reporter, added in the same step (they see it when they come back with their reference). */
  question?: { id: string; text: string };
  /** Another agency given a part of its own (a manager shared it). */
  share?: ConcernShare;
  /** Every other agency's part, as merged (agencyParts.mergePart); absent: unchanged. */
  shares?: ConcernShare[];
}

/**
 * The concern with the update applied, validated against the schema (InvalidConcernError if, say, a text
 * is too long). Undefined when it does not apply (no such question). The same object when nothing changes
 * (a status set to what it already is keeps its statusChangedAt, which retention counts from).
 */
export function applyUpdate(concern: Concern, update: ConcernUpdate): Concern | undefined {
  switch (update.op) {
    case 'addition':
      return validConcern(raisedIf(update, { ...concern, additions: [...concern.additions, { at: update.at, text: update.text }] }));
    case 'question': {
      const question = { id: update.id, text: update.text, askedAt: update.at, answer: null, answeredAt: null };
      return validConcern({ ...concern, questions: [...concern.questions, question] });
    }
    case 'answer': {
      if (!concern.questions.some((q) => q.id === update.questionId)) return undefined;
      const questions = concern.questions.map((q) =>
        q.id === update.questionId ? { ...q, answer: update.answer, answeredAt: update.at } : q,
      );
      return validConcern(raisedIf(update, { ...concern, questions }));
    }
    case 'status':
      if (concern.status === update.status) return concern;
      return validConcern({ ...concern, status: update.status, statusChangedAt: update.at });
    case 'triage': {
      const statusChangedAt = concern.status === update.status ? concern.statusChangedAt : update.at;
      const asked = update.question && { ...update.question, askedAt: update.at, answer: null, answeredAt: null };
      const questions = asked ? [...concern.questions, asked] : concern.questions;
      const shares = update.shares ?? concern.shares;
      return validConcern({ ...concern, triage: update.triage, status: update.status, statusChangedAt, agency: update.agency, questions, shares });
    }
  }
}

/**
 * Danger found in what the reporter added later is news for duty staff: the concern becomes urgent (the
 * urgent clock runs from now if it was not urgent already) and its urgent alert is due again, as for a
 * new urgent report.
 */
function raisedIf(update: { danger?: boolean; at: string }, concern: Concern): Concern {
  if (!update.danger) return concern;
  const reasons = concern.urgentReasons.includes('danger-added-later') ? concern.urgentReasons : [...concern.urgentReasons, 'danger-added-later' as const];
  // Every agency that has it is told again.
  const raise = (triage: TriageRecord): TriageRecord => ({
    ...triage,
    clockFrom: concern.urgent ? triage.clockFrom : update.at,
    alerts: { ...triage.alerts, urgent: null },
  });
  return {
    ...concern,
    urgent: true,
    urgentReasons: reasons,
    triage: raise(concern.triage),
    shares: concern.shares.map((s) => ({ ...s, triage: raise(s.triage) })),
  };
}

/** A short random id for a staff question (48 bits, URL-safe), unique within the concern. */
export function newQuestionId(concern: Concern): string {
  for (;;) {
    const id = randomBytes(6).toString('base64url');
    if (!concern.questions.some((q) => q.id === id)) return id;
  }
}

/** True for a concern closed before the cutoff: the ones retention deletes. */
export function closedBefore(concern: Concern, cutoff: Date): boolean {
  return concern.status === 'closed' && Date.parse(concern.statusChangedAt) < cutoff.getTime();
}
