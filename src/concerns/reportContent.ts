import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';
import { PERSONAL_DETAIL_CATEGORIES } from '../language/languageService';
import { CONCERN_STATUSES } from './concern';

const choice = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1).max(40),
  synonyms: z.array(z.string().min(1)).default([]),
});
const choices = (...values: string[]) =>
  z
    .array(choice)
    .refine((cs) => cs.map((c) => c.value).join() === values.join(), `choices must be exactly ${values.join(', ')}`);
const text = z.string().min(1);
const question = z.strictObject({ text });

const reportSchema = z.strictObject({
  owner: text,
  reviewed: z.iso.date(),
  intro: z.strictObject({ text: text.includes('{retentionDays}'), choices: choices('start', 'reference', 'not-now') }),
  /** Shorter words for SMS and WhatsApp, where a whole report must cost at most 25 texts. */
  textChannels: z.strictObject({
    intro: text.includes('{retentionDays}').includes('999'),
    received: text.includes('{ref}'),
    contact: text,
  }),
  skipWords: z.array(text).min(1),
  tooLong: text.includes('{limit}'),
  resume: text,
  questions: z.strictObject({
    subject: question.extend({ choices: choices('child', 'place', 'not-sure') }),
    worry: question.extend({ retryShort: text }),
    whoAtRisk: question,
    childrenInvolved: question.extend({ choices: choices('yes', 'no', 'not-sure') }),
    relationship: question.extend({ choices: choices('parent', 'relative', 'family-friend', 'neighbour', 'professional', 'self', 'someone-else') }),
    /** `self`: asked instead when the report is about the reporter. */
    childAge: question.extend({ self: text }),
    parentsKnow: question.extend({ self: text, choices: choices('yes', 'no', 'not-sure') }),
    place: question.extend({ whichArea: text, notKnown: text, elsewhere: choice }),
    when: question.extend({ choices: choices('now', 'recently', 'ongoing', 'a-while-ago') }),
    dangerNow: question.extend({ choices: choices('yes', 'no', 'not-sure'), retry: text, saidYes: text }),
    peopleInvolved: question,
    howTheyKnow: question.extend({ choices: choices('saw-it', 'heard-it', 'both') }),
    communicationNeeds: question.extend({ noWords: z.array(text).min(1), noneNeeded: text }),
  }),
  contact: z.strictObject({
    ask: question.extend({ choices: choices('anonymous', 'contact') }),
    how: text,
    howRetry: text,
    consent: question.extend({ text: text.includes('{how}'), wording: text, choices: choices('agree', 'anonymous') }),
    stayingAnonymous: text,
  }),
  ownDetails: z.strictObject({
    checking: text,
    found: text,
    ask: text,
    noneChoice: choice,
    retry: text,
    removed: text.includes('{count}'),
    kept: text,
    removedMarker: text,
  }),
  categories: z.strictObject(Object.fromEntries(PERSONAL_DETAIL_CATEGORIES.map((c) => [c, text])) as Record<(typeof PERSONAL_DETAIL_CATEGORIES)[number], typeof text>),
  summary: z.strictObject({
    intro: text,
    skipped: text,
    anonymous: text,
    contact: text.includes('{how}'),
    urgent: text,
    goesTo: text.includes('{agency}'),
    /** Joins the names when it goes to more than one agency. */
    and: text,
    follows: text.includes('{ref}'),
    labels: z.strictObject({
      subject: text,
      worry: text,
      whoAtRisk: text,
      childrenInvolved: text,
      relationship: text,
      childAge: text,
      parentsKnow: text,
      place: text,
      when: text,
      dangerNow: text,
      peopleInvolved: text,
      howTheyKnow: text,
      communicationNeeds: text,
      contact: text,
    }),
    choices: choices('send', 'change', 'cancel-report'),
    whichToChange: text,
    retry: text,
  }),
  submit: z.strictObject({
    sending: text,
    received: text.includes('{ref}'),
    /** Added to the receipt of an urgent report: nobody reads it live, so ring 999. */
    receivedUrgent: text.refine((t) => t.includes('999'), 'must tell the reporter to ring 999'),
    receivedYoungPerson: text,
    /** Not stored, and kept in the outbox to be sent when the store is back. */
    notSent: text,
    /** Not stored, and not kept either (the embedded database, or the outbox, refused the write). */
    notKept: text,
    retryChoices: choices('retry'),
    discarded: text,
    /** "Delete it" (or menu, start over, cancel) for a kept report the outbox had already delivered. */
    alreadySent: text.includes('{ref}'),
    discardedByCommand: text,
  }),
  reference: z.strictObject({
    ask: text,
    notRecognised: text,
    notFound: text,
    giveUp: text,
    status: z.strictObject(Object.fromEntries(CONCERN_STATUSES.map((s) => [s, text.includes('{ref}')])) as Record<(typeof CONCERN_STATUSES)[number], typeof text>),
    noDetails: text,
    question: text.includes('{question}'),
    answerPrompt: text,
    answerSaved: text,
    addPrompt: text,
    /** The answer to "yes" at the add prompt: go ahead and type it (a "yes" is never saved as the news). */
    goAhead: text,
    goAheadWords: z.array(z.string().min(1)).min(1),
    added: text,
    nothingAdded: text,
    /** A closed report: nothing can be added, but a new report can follow it. */
    closedOffer: text.includes('{ref}'),
    closedOfferChoices: choices('new-report', 'menu'),
    newReportLinked: text.includes('{ref}'),
    saveFailed: text,
  }),
});

/** Everything the report conversation says, from content/report.yaml. */
export type ReportContent = z.infer<typeof reportSchema>;
export type ReportQuestions = ReportContent['questions'];

export function loadReportContent(contentDir: string): ReportContent {
  return loadYaml(join(contentDir, 'report.yaml'), reportSchema);
}
