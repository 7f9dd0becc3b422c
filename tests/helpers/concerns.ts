import { randomUUID } from 'node:crypto';
import type { Concern } from '../../src/concerns/concern';
import { newReference } from '../../src/concerns/referenceCode';
import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { defaultContentDir } from '../../src/content/contentDir';
import { DEFAULT_DUE_RULES } from '../../src/triage/dueTime';
import { dueAt, type TriageClock } from '../../src/triage/triageClock';
import { newTriageRecord } from '../../src/concerns/triageRecord';

/** The triage clock with the content's bank holidays and the default rules (one working day, 60 minutes). */
export const TEST_CLOCK: TriageClock = { holidays: BankHolidayCalendar.load(defaultContentDir()), rules: DEFAULT_DUE_RULES };

/** When a decision is due by TEST_CLOCK: what the stores' due-time index is built with in tests. */
export const testDueAt = (concern: Concern): Date => dueAt(concern, TEST_CLOCK);

/** A schema-valid concern with a fresh reference and submission id; overrides replace top-level fields. */
export function sampleConcern(overrides: Partial<Concern> = {}): Concern {
  const receivedAt = overrides.receivedAt ?? new Date().toISOString();
  return {
    ref: newReference(),
    submissionId: randomUUID(),
    agency: 'sheffield-childrens',
    area: 'sheffield',
    receivedAt,
    urgent: false,
    urgentReasons: [],
    status: 'received',
    statusChangedAt: receivedAt,
    subject: 'child',
    answers: {
      worry: 'An older lad keeps giving my son new trainers and asking him to carry bags.',
      whoAtRisk: 'My son, 14',
      relationship: "I'm their parent or carer",
      childAge: '14',
      parentsKnow: 'reporter-is-parent',
      place: 'Near the park on the estate',
      when: 'Most evenings for the last month',
      dangerNow: 'no',
      childrenInvolved: null,
      peopleInvolved: null,
      howTheyKnow: 'I have seen it myself',
      communicationNeeds: null,
    },
    reporter: { mode: 'anonymous' },
    reporterRole: 'parent',
    follows: null,
    channel: 'webchat',
    language: { code: 'en', confidence: 0.987654321, detectedBy: 'local' },
    ownDetailsRemoved: 0,
    additions: [],
    questions: [],
    triage: newTriageRecord(),
    shares: [],
    ...overrides,
  };
}

/** Every free-text field of a concern: what must never appear in listings or logs. */
export function freeTexts(concern: Concern): string[] {
  const answers = Object.values(concern.answers).filter((a): a is string => typeof a === 'string' && a.length > 3);
  return [
    ...answers,
    ...concern.additions.map((a) => a.text),
    ...concern.questions.flatMap((q) => [q.text, q.answer ?? '']).filter((t) => t !== ''),
    ...(concern.reporter.mode === 'contact' ? [concern.reporter.how, concern.reporter.consent.wording] : []),
  ];
}
