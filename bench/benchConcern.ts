import { randomUUID } from 'node:crypto';
import type { Concern } from '../src/concerns/concern';
import { newReference } from '../src/concerns/referenceCode';
import { BankHolidayCalendar } from '../src/calendar/bankHolidays';
import { defaultContentDir } from '../src/content/contentDir';
import { DEFAULT_DUE_RULES } from '../src/triage/dueTime';
import { dueAt, type TriageClock } from '../src/triage/triageClock';
import { newTriageRecord } from '../src/concerns/triageRecord';

/** The default triage clock (one working day, 60 minutes for urgent ones) with the content's bank holidays. */
export const BENCH_CLOCK: TriageClock = { holidays: BankHolidayCalendar.load(defaultContentDir()), rules: DEFAULT_DUE_RULES };
export const benchDueAt = (c: Concern): Date => dueAt(c, BENCH_CLOCK);

/** A realistic concern for benchmarks: typical answer lengths, a fresh reference and submission id. */
export function concern(overrides: Partial<Concern> = {}): Concern {
  const at = new Date().toISOString();
  return {
    ref: newReference(),
    submissionId: randomUUID(),
    agency: 'sheffield-safeguarding-hub',
    area: 'sheffield',
    receivedAt: at,
    urgent: false,
    urgentReasons: [],
    status: 'received',
    statusChangedAt: at,
    subject: 'child',
    answers: {
      worry: 'My son keeps going missing overnight and comes back with new trainers and a second phone.',
      whoAtRisk: 'my son',
      relationship: "I'm their parent or carer",
      childAge: 'about 14',
      parentsKnow: 'reporter-is-parent',
      place: 'Hillsborough',
      when: 'It keeps happening',
      dangerNow: 'no',
      childrenInvolved: null,
      peopleInvolved: 'older lads in a black car, one calls himself Tiny',
      howTheyKnow: 'I saw it myself',
      communicationNeeds: null,
    },
    reporter: { mode: 'anonymous' },
    reporterRole: 'parent',
    follows: null,
    channel: 'webchat',
    language: { code: 'en', confidence: 0.9, detectedBy: 'local' },
    ownDetailsRemoved: 0,
    additions: [],
    questions: [],
    triage: newTriageRecord(),
    shares: [],
    ...overrides,
  };
}

