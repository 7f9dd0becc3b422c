import { randomUUID } from 'node:crypto';
import type { Concern } from '../src/concerns/concern';
import { newReference } from '../src/concerns/referenceCode';
import { newTriageRecord } from '../src/concerns/triageRecord';

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
      whoAtRisk: 'about 14, my son',
      place: 'Hillsborough',
      when: 'It keeps happening',
      dangerNow: 'no',
      peopleInvolved: 'older lads in a black car, one calls himself Tiny',
      howTheyKnow: 'I saw it myself',
      communicationNeeds: null,
    },
    reporter: { mode: 'anonymous' },
    reporterRole: 'parent',
    channel: 'webchat',
    language: { code: 'en', confidence: 0.9, detectedBy: 'local' },
    ownDetailsRemoved: 0,
    additions: [],
    questions: [],
    triage: newTriageRecord(),
    ...overrides,
  };
}

