import { z } from 'zod';
import { concernShareSchema } from './concernShare';
import { newTriageRecord, QUESTION_LIMIT, triageRecordSchema } from './triageRecord';

/** Where a concern is in triage, as duty staff move it along (the triage issue adds the moves). */
export const CONCERN_STATUSES = ['received', 'being-looked-at', 'passed-on', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** What the concern is mainly about: decides whether it goes to children's services or the police. */
export const CONCERN_SUBJECTS = ['child', 'place', 'not-sure'] as const;
export type ConcernSubject = (typeof CONCERN_SUBJECTS)[number];

const isoTime = z.iso.datetime();
/** An answer the reporter gave, or null when they skipped it. */
const answer = z.string().min(1).max(4000).nullable();

const reporterSchema = z.discriminatedUnion('mode', [
  // Anonymous: nothing that identifies the reporter (no user id, phone number, IP, conversation id).
  z.strictObject({ mode: z.literal('anonymous') }),
  z.strictObject({
    mode: z.literal('contact'),
    /** How they asked to be reached, in their words (a phone number or an email address). */
    how: z.string().min(3).max(200),
    /** Explicit consent, with the words they agreed to and when. */
    consent: z.strictObject({ wording: z.string().min(1), at: isoTime }),
  }),
]);

const additionSchema = z.strictObject({ at: isoTime, text: z.string().min(1).max(4000) });

const questionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  text: z.string().min(1).max(QUESTION_LIMIT),
  askedAt: isoTime,
  answer: z.string().min(1).max(4000).nullable(),
  answeredAt: isoTime.nullable(),
});

/** Whether the child's parents or carers know, as the reporter said. */
export const PARENTS_KNOW = ['yes', 'no', 'not-sure', 'reporter-is-parent'] as const;

export const URGENT_REASONS = ['danger-now-answer', 'safety-check', 'danger-added-later'] as const;

export const concernSchema = z.strictObject({
  /** The reference the reporter keeps (see referenceCode.ts), e.g. "K7PM-3XQ9-RT4W-HN2C". */
  ref: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/),
  /** Random per draft, so that a retried submit never makes a second concern. Identifies nobody. */
  submissionId: z.uuid(),
  /** The agency whose queue it is in (content/agencies.yaml). */
  agency: z.string().min(1),
  /** The council area it was routed by, or null when the place is unknown or outside South Yorkshire. */
  area: z.string().nullable(),
  receivedAt: isoTime,
  urgent: z.boolean(),
  /**
   * Why it is urgent: the reporter said someone is in danger now, the safety check found danger in the chat,
   * or it found danger in what the reporter added later (or in an answer to staff).
   */
  urgentReasons: z.array(z.enum(URGENT_REASONS)),
  status: z.enum(CONCERN_STATUSES),
  statusChangedAt: isoTime,
  subject: z.enum(CONCERN_SUBJECTS),
  answers: z.strictObject({
    worry: answer,
    whoAtRisk: answer,
    /** How the reporter knows the child or place (their parent, a neighbour...), a choice's words or their own. */
    relationship: answer.default(null),
    /** The child's approximate age, in the reporter's words ("about 14"). */
    childAge: answer.default(null),
    /** Whether the child's parents or carers know; "reporter-is-parent": not asked, the reporter is. */
    parentsKnow: z.enum(PARENTS_KNOW).nullable().default(null),
    place: answer,
    when: answer,
    dangerNow: z.enum(['yes', 'no', 'not-sure']).nullable(),
    /** About a place: whether the reporter said children under 18 are involved (routing shares it with the front door). */
    childrenInvolved: z.enum(['yes', 'no', 'not-sure']).nullable().default(null),
    peopleInvolved: answer,
    howTheyKnow: answer,
    communicationNeeds: answer,
  }),
  reporter: reporterSchema,
  /** Who the reporter said they are (parent, young person, someone else), if they said. */
  reporterRole: z.enum(['parent', 'young-person', 'other']).nullable(),
  /** The reference of the closed concern this report follows (the reporter came back with it), or null. */
  follows: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/).nullable().default(null),
  /** The kind of channel it came through ("webchat", "sms"): tells staff how long answers may be. */
  channel: z.string().min(1).max(40),
  /** The language the reporter wrote in, so staff know an interpreter may be needed. */
  language: z.strictObject({
    code: z.string().min(2).max(12).nullable(),
    confidence: z.number().min(0).max(1).nullable(),
    detectedBy: z.enum(['azure', 'local']),
  }),
  /** How many of their own details the reporter asked us to remove before sending (the count only). */
  ownDetailsRemoved: z.number().int().min(0),
  additions: z.array(additionSchema),
  questions: z.array(questionSchema),
  /** Duty staff's claim, notes, decision, transfers and alerts (concerns stored before triage existed get an empty one). */
  triage: triageRecordSchema.default(newTriageRecord),
  /** The other agencies that have it too, each with its own triage record (none for most concerns). */
  shares: z.array(concernShareSchema).default([]),
});

/** One concern as stored and queued for an agency. */
export type Concern = z.infer<typeof concernSchema>;
export type ConcernAnswers = Concern['answers'];
export type Reporter = Concern['reporter'];
export type StaffQuestion = z.infer<typeof questionSchema>;

