import type { AuditEntry } from '../../../src/audit/auditEntry';
import type { Concern } from '../../../src/concerns/concern';
import type { Caller } from '../../../src/triage/caller';
import type { ConcernPageOptions } from '../../../src/triage/console/concernPage';
import type { SignedIn } from '../../../src/triage/console/layout';
import type { QueueItem } from '../../../src/triage/queueItem';
import type { ConcernDetail } from '../../../src/triage/triageService';
import { newTriageRecord } from '../../../src/concerns/triageRecord';
import { sampleConcern } from '../../helpers/concerns';

/** The payloads a reporter (or anyone who types into the console) might send to attack staff's browsers. */
export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(1)>';
export const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
export const ESCAPED_IMG = '&lt;img src=x onerror=alert(1)&gt;';
const BOTH = `${SCRIPT} ${IMG}`;

export const NOW = new Date('2026-11-23T14:05:00Z');

export const caller: Caller = { staffId: 'sam-duty', agency: 'barnsley-front-door', role: 'duty', name: 'Sam <b>Duty</b>' };
export const manager: Caller = { ...caller, staffId: 'mo-manager', role: 'manager', name: 'Mo Manager' };
export const signedIn: SignedIn = { name: caller.name, agencyName: 'Barnsley Integrated Front Door', csrfToken: 'tok"en<' };

/** A concern with an attack in every piece of free text, from the reporter and from staff. */
export function hostileConcern(overrides: Partial<Concern> = {}): Concern {
  const at = '2026-11-23T10:00:00.000Z';
  return sampleConcern({
    agency: 'barnsley-front-door',
    area: 'barnsley',
    receivedAt: at,
    statusChangedAt: at,
    urgent: true,
    urgentReasons: ['danger-now-answer'],
    answers: {
      worry: `Line one\n${SCRIPT}`,
      whoAtRisk: IMG,
      relationship: BOTH,
      childAge: IMG,
      parentsKnow: null,
      place: BOTH,
      when: BOTH,
      dangerNow: 'yes',
      childrenInvolved: null,
      peopleInvolved: BOTH,
      howTheyKnow: BOTH,
      communicationNeeds: null,
    },
    reporter: { mode: 'contact', how: `07700 900123 ${IMG}`, consent: { wording: `I agree ${SCRIPT}`, at } },
    additions: [{ at, text: `Added ${IMG}` }],
    questions: [{ id: 'q1', text: `Asked ${SCRIPT}`, askedAt: at, answer: `Replied ${IMG}`, answeredAt: at }],
    ownDetailsRemoved: 2,
    triage: {
      ...newTriageRecord(),
      notes: [{ id: 'n1', by: 'sam-duty', at, text: `Note ${SCRIPT}` }],
      outcome: { category: 'early-help', rag: 'amber', rationale: `Because ${IMG}`, by: 'sam-duty', at },
      previousOutcomes: [{ category: 'no-further-action', rag: 'green', rationale: `Earlier ${SCRIPT}`, by: 'sam-duty', at }],
      transfers: [{ from: 'rotherham-mash', to: 'barnsley-front-door', reason: `Wrong area ${IMG}`, by: 'mo-manager', at }],
    },
    ...overrides,
  });
}

export function itemOf(concern: Concern, extra: Partial<QueueItem> = {}): QueueItem {
  return {
    ref: concern.ref,
    status: concern.status,
    urgent: concern.urgent,
    receivedAt: concern.receivedAt,
    dueAt: '2026-11-23T11:00:00.000Z',
    overdue: false,
    area: concern.area,
    category: concern.subject,
    claimedBy: null,
    outcome: concern.triage.outcome?.category ?? null,
    newToTeam: false,
    unread: 0,
    alsoWith: [],
    ...extra,
  };
}

export const auditEntries: AuditEntry[] = [
  { at: '2026-11-23T10:05:00.000Z', staffId: 'sam-duty', agency: 'barnsley-front-door', action: 'claim', ref: null, detail: {} },
  { at: '2026-11-23T10:06:00.000Z', staffId: 'sam-duty', agency: 'barnsley-front-door', action: 'outcome', ref: null, detail: { category: 'early-help', rag: 'amber' } },
  { at: '2026-11-23T10:07:00.000Z', staffId: 'mo-manager', agency: 'barnsley-front-door', action: 'transfer', ref: null, detail: { from: 'barnsley-front-door', to: 'south-yorkshire-police' } },
];

/** A concern's detail as the service gives it, nothing new since it was last opened. */
export function detailOf(concern: Concern, item: QueueItem): ConcernDetail {
  return { concern, item, before: item };
}

export function pageOptions(concern: Concern, extra: Partial<ConcernPageOptions> = {}): ConcernPageOptions {
  return {
    signedIn,
    caller,
    detail: detailOf(concern, itemOf(concern)),
    audit: auditEntries,
    transferTargets: [{ id: 'south-yorkshire-police', name: 'South Yorkshire Police <intel>', kind: 'police' }],
    agencyName: (id) => `Agency ${id}`,
    now: NOW,
    ...extra,
  };
}

/** No tag from any payload survives as markup: no script element at all, no element with an event handler. */
export function expectInert(page: string): void {
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<img/i);
  expect(page).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
}
