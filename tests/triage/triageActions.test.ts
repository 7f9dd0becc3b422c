import type { Concern } from '../../src/concerns/concern';
import { applyUpdate } from '../../src/concerns/concernUpdates';
import * as actions from '../../src/triage/triageActions';
import type { Caller } from '../../src/triage/caller';
import { TriageError } from '../../src/triage/triageErrors';
import { reporterStatus } from '../../src/concerns/agencyParts';
import { newTriageRecord } from '../../src/concerns/triageRecord';
import { sampleConcern } from '../helpers/concerns';

const NOW = new Date('2026-11-23T10:00:00Z');
const dana: Caller = { staffId: 'dana-abcd', agency: 'barnsley-front-door', role: 'duty', name: 'Dana' };
const cal: Caller = { ...dana, staffId: 'cal-efgh', name: 'Cal' };
const mo: Caller = { ...dana, staffId: 'mo-ijkl', role: 'manager', name: 'Mo' };
const ctx = (caller: Caller, now = NOW) => ({ caller, now, claimMinutes: 60 });

/** Applies an action the way a store does. */
function run(concern: Concern, action: actions.TriageAction, caller: Caller, now = NOW): Concern {
  const next = applyUpdate(concern, { op: 'triage', at: now.toISOString(), ...action(concern, ctx(caller, now)) });
  if (!next) throw new Error('update did not apply');
  return next;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof TriageError) return `${err.refusal}:${err.code}`;
    throw err;
  }
  return 'allowed';
}

const fresh = () => sampleConcern({ agency: 'barnsley-front-door', area: 'barnsley', receivedAt: '2026-11-23T09:00:00.000Z' });

describe('triage actions', () => {
  it('a claim lasts claimMinutes, acknowledges the concern and shows the reporter "being looked at"', () => {
    const claimed = run(fresh(), actions.claim, dana);
    expect(claimed.triage.claim).toEqual({ by: dana.staffId, at: NOW.toISOString(), until: '2026-11-23T11:00:00.000Z' });
    expect(claimed.triage.acknowledgedAt).toBe(NOW.toISOString());
    expect(claimed.status).toBe('being-looked-at');
    expect(claimed.statusChangedAt).toBe(NOW.toISOString());
  });

  it('refuses a colleague while the claim is live, and lets them in once it has lapsed', () => {
    const claimed = run(fresh(), actions.claim, dana);
    expect(refusal(() => actions.claim(claimed, ctx(cal)))).toBe('conflict:claimed');
    expect(refusal(() => actions.addNote('x')(claimed, ctx(cal)))).toBe('conflict:claimed');
    expect(refusal(() => actions.recordOutcome('early-help', 'green', 'x')(claimed, ctx(cal)))).toBe('conflict:claimed');
    const later = new Date(NOW.getTime() + 61 * 60_000);
    expect(run(claimed, actions.claim, cal, later).triage.claim?.by).toBe(cal.staffId);
  });

  it('extends the holder\u2019s claim when they act, and does not claim for someone acting on an unclaimed concern', () => {
    const claimed = run(fresh(), actions.claim, dana);
    const later = new Date(NOW.getTime() + 30 * 60_000);
    expect(run(claimed, actions.addNote('rang school'), dana, later).triage.claim?.until).toBe('2026-11-23T11:30:00.000Z');
    expect(run(fresh(), actions.addNote('a note'), cal).triage.claim).toBeNull();
  });

  it('treats another agency\u2019s concern as not found, even for a manager', () => {
    const sheffield = sampleConcern({ agency: 'sheffield-safeguarding-hub' });
    for (const action of [actions.claim, actions.release, actions.close, actions.addNote('x'), actions.transfer('south-yorkshire-police', 'x')]) {
      expect(refusal(() => action(sheffield, ctx(mo)))).toBe('not-found:not_found');
    }
  });

  it('keeps a replaced outcome in previousOutcomes, and passes the concern on for referral outcomes only', () => {
    const advised = run(fresh(), actions.recordOutcome('advice-or-signposting', 'green', 'Advice given'), dana);
    expect(advised.status).toBe('being-looked-at');
    const referred = run(advised, actions.recordOutcome('nrm-referral', 'red', 'Signs of trafficking'), dana);
    expect(referred.status).toBe('passed-on');
    expect(referred.triage.previousOutcomes.map((o) => o.category)).toEqual(['advice-or-signposting']);
  });

  it('will not close without an outcome, and closes with one; nothing more is accepted after', () => {
    expect(refusal(() => actions.close(fresh(), ctx(dana)))).toBe('conflict:no_outcome');
    const decided = run(fresh(), actions.recordOutcome('no-further-action', 'green', 'Already known'), dana);
    const closed = run(decided, actions.close, dana);
    expect(closed.status).toBe('closed');
    expect(refusal(() => actions.addNote('x')(closed, ctx(dana)))).toBe('conflict:closed');
    expect(refusal(() => actions.claim(closed, ctx(dana)))).toBe('conflict:closed');
  });

  it('transfers only for managers: claim ended, decision set aside, clock and alerts restarted', () => {
    const worked = run(run(fresh(), actions.claim, mo), actions.recordOutcome('early-help', 'amber', 'x'), mo);
    const alerted = { ...worked, triage: { ...worked.triage, alerts: { urgent: NOW.toISOString(), overdue: null } } };
    expect(refusal(() => actions.transfer('south-yorkshire-police', 'x')(alerted, ctx(dana)))).toBe('forbidden:manager_only');
    expect(refusal(() => actions.transfer('barnsley-front-door', 'x')(alerted, ctx(mo)))).toBe('invalid:same_agency');
    const moved = run(alerted, actions.transfer('south-yorkshire-police', 'About a flat'), mo);
    expect(moved.agency).toBe('south-yorkshire-police');
    expect(moved.triage).toMatchObject({ claim: null, outcome: null, clockFrom: NOW.toISOString(), alerts: { urgent: null, overdue: null } });
    expect(moved.triage.previousOutcomes.map((o) => o.category)).toEqual(['early-help']);
    expect(moved.triage.transfers).toEqual([{ from: 'barnsley-front-door', to: 'south-yorkshire-police', reason: 'About a flat', by: mo.staffId, at: NOW.toISOString() }]);
    // For the team it goes to it is new (received, nobody there has acknowledged or opened it); the
    // reporter's status is worked out from every part when the change is merged (agencyParts.test.ts).
    expect(moved.status).toBe('received');
    expect(moved.triage).toMatchObject({ acknowledgedAt: null, openedAt: null, arrived: 'transferred' });
  });

  it('adds a question for the reporter in the same change', () => {
    const asked = run(fresh(), actions.askReporter('Which park?'), dana);
    expect(asked.questions).toEqual([expect.objectContaining({ text: 'Which park?', askedAt: NOW.toISOString(), answer: null })]);
    expect(asked.status).toBe('being-looked-at');
  });
});

describe('the reporter\u2019s status', () => {
  it('follows triage forward only: received, being looked at, passed on, closed', () => {
    const record = newTriageRecord();
    expect(reporterStatus(record, false)).toBe('received');
    const acknowledged = { ...record, acknowledgedAt: NOW.toISOString() };
    expect(reporterStatus(acknowledged, false)).toBe('being-looked-at');
    const outcome = { category: 'police-intelligence' as const, rag: 'amber' as const, rationale: 'x', by: 'a', at: NOW.toISOString() };
    expect(reporterStatus({ ...acknowledged, outcome }, false)).toBe('passed-on');
    // A later "advice" decision does not take a referral back.
    expect(reporterStatus({ ...acknowledged, outcome: { ...outcome, category: 'advice-or-signposting' }, previousOutcomes: [outcome] }, false)).toBe('passed-on');
    expect(reporterStatus(acknowledged, true)).toBe('closed');
  });
});
