import { agenciesWith, mergePart, partFor, reporterSees } from '../../src/concerns/agencyParts';
import type { Concern } from '../../src/concerns/concern';
import { SHARED_BY_ROUTING } from '../../src/concerns/concernShare';
import { newTriageRecord, type TriageRecord } from '../../src/concerns/triageRecord';
import { sampleConcern } from '../helpers/concerns';

const AT = '2026-11-23T10:00:00.000Z';
const LATER = '2026-11-23T11:00:00.000Z';
const outcome = (category: 'early-help' | 'no-further-action') => ({ category, rag: 'green' as const, rationale: 'Why', by: 'sam', at: AT });

function shared(front: Partial<TriageRecord> = {}, police: Partial<TriageRecord> = {}): Concern {
  return sampleConcern({
    agency: 'police',
    receivedAt: AT,
    triage: { ...newTriageRecord(), ...police },
    shares: [{ agency: 'front-door', at: AT, by: SHARED_BY_ROUTING, from: null, reason: null, triage: { ...newTriageRecord(), ...front } }],
  });
}

describe('agency parts of a concern', () => {
  it('lists every agency that has it, the routed one first', () => {
    expect(agenciesWith(shared())).toEqual(['police', 'front-door']);
    expect(agenciesWith(sampleConcern({ agency: 'x' }))).toEqual(['x']);
  });

  it('gives each agency its own record and, of the others, only where their part stands', () => {
    const concern = shared(
      { notes: [{ id: 'n1', by: 'fd', at: AT, text: 'FRONT DOOR NOTE' }], acknowledgedAt: AT, claim: { by: 'fd', at: AT, until: LATER } },
      { notes: [{ id: 'n1', by: 'pc', at: AT, text: 'POLICE NOTE' }] },
    );
    const door = partFor(concern, 'front-door')!;
    expect(door).toMatchObject({ agency: 'front-door', status: 'being-looked-at' });
    expect(door.triage.notes.map((n) => n.text)).toEqual(['FRONT DOOR NOTE']);
    expect(door.shares).toHaveLength(1);
    expect(door.shares[0]).toMatchObject({ agency: 'police', triage: { notes: [], claim: null } });
    const police = partFor(concern, 'police')!;
    expect(JSON.stringify(police)).not.toContain('FRONT DOOR NOTE');
    expect(police.shares[0]).toMatchObject({ agency: 'front-door', triage: { acknowledgedAt: AT, claim: null } });
    expect(partFor(concern, 'stranger')).toBeUndefined();
  });

  it('closes a part with its time, and the concern for the reporter only when every part is closed', () => {
    const concern = shared();
    const door = partFor(concern, 'front-door')!;
    const closeDoor = mergePart(concern, 'front-door', { triage: { ...door.triage, outcome: outcome('early-help') }, status: 'closed', agency: 'front-door' }, LATER);
    expect(closeDoor.shares?.[0]?.triage.closedAt).toBe(LATER);
    expect(closeDoor.triage.closedAt).toBeNull();
    expect(closeDoor.status).toBe('passed-on'); // early help is a referral; the police part is still open
    const after = { ...concern, ...closeDoor, shares: closeDoor.shares! };
    const police = partFor(after, 'police')!;
    const closeAll = mergePart(after, 'police', { triage: police.triage, status: 'closed', agency: 'police' }, LATER);
    expect(closeAll.status).toBe('closed');
  });

  it('adds a part for a share and moves only the transferring part', () => {
    const concern = shared();
    const police = partFor(concern, 'police')!;
    const share = { agency: 'other', at: LATER, by: 'mo', from: 'police', reason: 'Why', triage: { ...newTriageRecord(), arrived: 'shared' as const } };
    const added = mergePart(concern, 'police', { triage: police.triage, status: police.status, agency: 'police', share }, LATER);
    expect(added.shares?.map((s) => s.agency)).toEqual(['front-door', 'other']);
    expect(added).not.toHaveProperty('share');
    const moved = mergePart(concern, 'front-door', { triage: newTriageRecord(), status: 'received', agency: 'elsewhere' }, LATER);
    expect(moved.agency).toBe('police');
    expect(moved.shares?.map((s) => s.agency)).toEqual(['elsewhere']);
  });

  it('tells the reporter the furthest any agency has got, never going back', () => {
    expect(reporterSees(shared(), 'received')).toBe('received');
    expect(reporterSees(shared({ acknowledgedAt: AT }), 'received')).toBe('being-looked-at');
    expect(reporterSees(shared({}, { outcome: outcome('early-help'), acknowledgedAt: AT }), 'received')).toBe('passed-on');
    expect(reporterSees(shared(), 'passed-on')).toBe('passed-on');
    // A part closed with no further action does not close the concern while another part is open.
    expect(reporterSees(shared({ outcome: outcome('no-further-action'), acknowledgedAt: AT, closedAt: AT }), 'being-looked-at')).toBe('being-looked-at');
  });

  it('treats a concern closed before parts existed as closed for its one agency', () => {
    const old = sampleConcern({ agency: 'x', status: 'closed' });
    expect(partFor(old, 'x')?.status).toBe('closed');
    expect(reporterSees(old, 'closed')).toBe('closed');
  });
});
