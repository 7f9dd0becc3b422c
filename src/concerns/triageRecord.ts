import { z } from 'zod';

/** The decisions duty staff record (statutory guidance's next steps). */
export const OUTCOME_CATEGORIES = [
  'advice-or-signposting',
  'early-help',
  'childrens-social-care',
  'police-intelligence',
  'nrm-referral',
  'no-further-action',
] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];

/** Outcomes that pass the concern to another service: the reporter is told "passed to the right team". */
export const PASSED_ON_OUTCOMES: readonly OutcomeCategory[] = ['early-help', 'childrens-social-care', 'police-intelligence', 'nrm-referral'];

export const RISK_RATINGS = ['red', 'amber', 'green'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/** Longest staff text: a note, a rationale, a transfer reason. */
export const NOTE_LIMIT = 4000;
export const RATIONALE_LIMIT = 1000;
export const REASON_LIMIT = 500;
/** Longest question staff leave for the reporter. */
export const QUESTION_LIMIT = 1000;

const isoTime = z.iso.datetime();
const staffId = z.string().min(1).max(64);

const claimSchema = z.strictObject({ by: staffId, at: isoTime, until: isoTime });
const noteSchema = z.strictObject({ id: z.string().min(1).max(16), by: staffId, at: isoTime, text: z.string().min(1).max(NOTE_LIMIT) });
const outcomeSchema = z.strictObject({
  category: z.enum(OUTCOME_CATEGORIES),
  rag: z.enum(RISK_RATINGS),
  rationale: z.string().min(1).max(RATIONALE_LIMIT),
  by: staffId,
  at: isoTime,
});
const transferSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  reason: z.string().min(1).max(REASON_LIMIT),
  by: staffId,
  at: isoTime,
});

/** Duty staff's work on a concern: kept with it, deleted with it. */
export const triageRecordSchema = z.strictObject({
  /** Who is working on it, until when (a claim past `until` has lapsed and the concern is back in the queue). */
  claim: claimSchema.nullable(),
  /** When staff first acted on it (claimed, asked, noted, decided): the acknowledgement. */
  acknowledgedAt: isoTime.nullable(),
  notes: z.array(noteSchema),
  outcome: outcomeSchema.nullable(),
  /** Decisions replaced by a later one, or set aside by a transfer: kept so that nothing recorded is lost. */
  previousOutcomes: z.array(outcomeSchema),
  transfers: z.array(transferSchema),
  /** When the due clock started: on receipt, or on the latest transfer to this agency. */
  clockFrom: isoTime.nullable(),
  /** Alerts delivered to the agency's duty channel, so each is sent once. */
  alerts: z.strictObject({ urgent: isoTime.nullable(), overdue: isoTime.nullable() }),
  /**
   * When this agency closed its part (a concern shared with others stays open for them). Records from
   * before sharing existed have none: their concern's status says whether it is closed.
   */
  closedAt: isoTime.nullable().default(null),
  /**
   * When a worker of this agency last opened the concern: what the reporter added or answered after it is
   * unread, and a concern transferred or shared in that nobody here has opened is "new to this team".
   */
  openedAt: isoTime.nullable().default(null),
  /** How this agency came to have it: routed on receipt, or transferred or shared to it since. */
  arrived: z.enum(['routed', 'transferred', 'shared']).default('routed'),
});
export type TriageRecord = z.infer<typeof triageRecordSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type TriageNote = z.infer<typeof noteSchema>;

/** A concern nobody has worked on yet. */
export function newTriageRecord(): TriageRecord {
  return { claim: null, acknowledgedAt: null, notes: [], outcome: null, previousOutcomes: [], transfers: [], clockFrom: null, alerts: { urgent: null, overdue: null }, closedAt: null, openedAt: null, arrived: 'routed' };
}
