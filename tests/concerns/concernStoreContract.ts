import { concernSchema, type Concern } from '../../src/concerns/concern';
import type { QueueQuery } from '../../src/concerns/concernIndex';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { dueAt } from '../../src/triage/triageClock';
import { SHARED_BY_ROUTING } from '../../src/concerns/concernShare';
import { newTriageRecord } from '../../src/concerns/triageRecord';
import { sampleConcern, TEST_CLOCK } from '../helpers/concerns';

export interface ConcernStoreHarness {
  store: ConcernStore;
}

/** Every page of one view of the agency's queue, in order, as refs. */
async function allPages(store: ConcernStore, agency: string, query: Omit<QueueQuery, 'after'>): Promise<string[]> {
  const refs: string[] = [];
  let after: QueueQuery['after'];
  for (let pages = 0; pages < 100; pages++) {
    const page = await store.queue(agency, { ...query, ...(after ? { after } : {}) });
    expect(page.concerns.length).toBeLessThanOrEqual(query.limit);
    refs.push(...page.concerns.map((c) => c.ref));
    if (!page.next) return refs;
    after = page.next;
  }
  throw new Error('the queue never ended');
}

/** The refs in the agency's queue, open and closed, sorted. */
async function queuedIn(store: ConcernStore, agency: string): Promise<string[]> {
  const open = await allPages(store, agency, { closed: false, limit: 50 });
  const closed = await allPages(store, agency, { closed: true, limit: 50 });
  return [...open, ...closed].sort();
}

const sentUrgentAlert = (minutes: number) => (c: Concern) => ({
  triage: { ...c.triage, alerts: { ...c.triage.alerts, urgent: iso(minutes) } },
  status: c.status,
  agency: c.agency,
 
});

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

/** The behaviour every ConcernStore must have; run against SQLite and the real Redis. */
export function describeConcernStoreContract(
  name: string,
  make: () => Promise<ConcernStoreHarness>,
  teardown: () => Promise<void>,
) {
  describe(`${name} (ConcernStore contract)`, () => {
    let h: { queued(agency: string): Promise<string[]> };
    let store: ConcernStore;
    beforeEach(async () => {
      store = (await make()).store;
      h = { queued: (agency) => queuedIn(store, agency) };
    });
    afterEach(teardown);

    it('gives back exactly what was submitted, schema-valid, and queues it for its agency', async () => {
      const concern = sampleConcern({
        urgent: true,
        urgentReasons: ['danger-now-answer', 'safety-check'],
        reporter: { mode: 'contact', how: '07700 900123', consent: { wording: 'You can contact me', at: iso(0) } },
        answers: { ...sampleConcern().answers, worry: 'Ŝomeone — “county lines” 😟 مرحبا', dangerNow: 'yes' },
        language: { code: 'ur', confidence: 0.123456789012345, detectedBy: 'azure' },
        additions: [{ at: iso(1), text: 'first addition' }],
      });
      expect(await store.submit(concern)).toEqual({ ref: concern.ref, duplicate: false });
      const stored = await store.get(concern.ref);
      expect(stored).toEqual(concern);
      expect(concernSchema.safeParse(stored).success).toBe(true);
      expect(await h.queued(concern.agency)).toEqual([concern.ref]);
    });

    it('hands out copies: changing what get() returned does not change the store', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      const copy = await store.get(concern.ref);
      copy?.additions.push({ at: iso(0), text: 'not stored' });
      expect((await store.get(concern.ref))?.additions).toEqual([]);
    });

    it('stores a retried submission once and answers with the first reference', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      const retry = await store.submit({ ...concern, ref: sampleConcern().ref });
      expect(retry).toEqual({ ref: concern.ref, duplicate: true });
      expect((await store.list()).map((c) => c.ref)).toEqual([concern.ref]);
      expect(await h.queued(concern.agency)).toEqual([concern.ref]);
    });

    it('says which reference a submission was stored under, and nothing for one never stored', async () => {
      const concern = sampleConcern();
      expect(await store.submissionRef(concern.submissionId)).toBeUndefined();
      await store.submit(concern);
      expect(await store.submissionRef(concern.submissionId)).toBe(concern.ref);
    });

    it('stores concurrent retries of one submission once', async () => {
      const concern = sampleConcern();
      const results = await Promise.all(Array.from({ length: 5 }, () => store.submit(concern)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.ref))).toEqual(new Set([concern.ref]));
      expect(await store.list()).toHaveLength(1);
      expect(await h.queued(concern.agency)).toEqual([concern.ref]);
    });

    it('refuses a concern that does not match the schema, storing nothing', async () => {
      const bad = { ...sampleConcern(), agency: '' };
      await expect(store.submit(bad)).rejects.toThrow(/agency/);
      expect(await store.list()).toEqual([]);
    });

    it('lists oldest first, all agencies or one', async () => {
      const late = sampleConcern({ agency: 'a', receivedAt: iso(30) });
      const early = sampleConcern({ agency: 'b', receivedAt: iso(10) });
      const middle = sampleConcern({ agency: 'a', receivedAt: iso(20) });
      for (const c of [late, early, middle]) await store.submit(c);
      expect((await store.list()).map((c) => c.ref)).toEqual([early.ref, middle.ref, late.ref]);
      expect((await store.list({ agency: 'a' })).map((c) => c.ref)).toEqual([middle.ref, late.ref]);
      expect(await store.list({ agency: 'nobody' })).toEqual([]);
      expect(await h.queued('a')).toEqual([late.ref, middle.ref].sort());
    });

    it('adds information the reporter gives later', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      expect(await store.addInformation(concern.ref, 'He was there again today', at(5))).toBe(true);
      expect((await store.get(concern.ref))?.additions).toEqual([{ at: iso(5), text: 'He was there again today' }]);
    });

    it('makes a concern urgent, and its urgent alert due again, when what the reporter adds carries danger', async () => {
      const concern = sampleConcern({ receivedAt: iso(0) });
      await store.submit(concern);
      await store.updateTriage(concern.ref, concern.agency, (c) => ({ triage: { ...c.triage, alerts: { ...c.triage.alerts, urgent: iso(1) } }, status: c.status, agency: c.agency }), at(1));
      expect(await store.addInformation(concern.ref, 'theyre back and one has a knife', at(30), { danger: true })).toBe(true);
      const raised = await store.get(concern.ref);
      expect(raised).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'], additions: [{ at: iso(30), text: 'theyre back and one has a knife' }] });
      // The urgent clock runs from the news, not from the original report.
      expect(raised?.triage.clockFrom).toBe(iso(30));
      expect(raised?.triage.alerts.urgent).toBeNull();

      const id = await store.askQuestion(concern.ref, 'Is he safe now?', at(40));
      await store.updateTriage(concern.ref, concern.agency, (c) => ({ triage: { ...c.triage, alerts: { ...c.triage.alerts, urgent: iso(41) } }, status: c.status, agency: c.agency }), at(41));
      expect(await store.answerQuestion(concern.ref, id!, 'no he is with them now', at(50), { danger: true })).toBe(true);
      const again = await store.get(concern.ref);
      // Already urgent: the reason is not repeated and the clock stays, but the alert is due again.
      expect(again).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'] });
      expect(again?.triage.clockFrom).toBe(iso(30));
      expect(again?.triage.alerts.urgent).toBeNull();
    });

    it('leaves urgency alone for an ordinary addition', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      await store.addInformation(concern.ref, 'he wears a red cap', at(5));
      expect(await store.get(concern.ref)).toMatchObject({ urgent: false, urgentReasons: [] });
    });

    it('records a staff question and the reporter’s answer to it', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      const id = await store.askQuestion(concern.ref, 'Which park?', at(5));
      expect(id).toMatch(/^[\w-]{1,64}$/);
      expect(await store.answerQuestion(concern.ref, id!, 'The one by the library', at(9))).toBe(true);
      expect(await store.answerQuestion(concern.ref, 'no-such-question', 'x', at(9))).toBe(false);
      const second = await store.askQuestion(concern.ref, 'What time?', at(10));
      expect(second).not.toEqual(id);
      expect((await store.get(concern.ref))?.questions).toEqual([
        { id, text: 'Which park?', askedAt: iso(5), answer: 'The one by the library', answeredAt: iso(9) },
        { id: second, text: 'What time?', askedAt: iso(10), answer: null, answeredAt: null },
      ]);
    });

    it('moves a concern between statuses, keeping the time of the last real change', async () => {
      const concern = sampleConcern({ receivedAt: iso(0) });
      await store.submit(concern);
      expect(await store.setStatus(concern.ref, 'being-looked-at', at(5))).toBe(true);
      expect(await store.setStatus(concern.ref, 'closed', at(10))).toBe(true);
      expect(await store.setStatus(concern.ref, 'closed', at(20))).toBe(true);
      expect(await store.get(concern.ref)).toMatchObject({ status: 'closed', statusChangedAt: iso(10) });
    });

    it('says so when there is no such concern, and creates none', async () => {
      const ref = sampleConcern().ref;
      expect(await store.get(ref)).toBeUndefined();
      expect(await store.addInformation(ref, 'text', at(0))).toBe(false);
      expect(await store.askQuestion(ref, 'text', at(0))).toBeUndefined();
      expect(await store.answerQuestion(ref, 'q1', 'text', at(0))).toBe(false);
      expect(await store.setStatus(ref, 'closed', at(0))).toBe(false);
      expect(await store.list()).toEqual([]);
    });

    it('refuses an update that would break the schema, changing nothing', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      await expect(store.addInformation(concern.ref, 'x'.repeat(4001), at(1))).rejects.toThrow(/additions/);
      expect(await store.get(concern.ref)).toEqual(concern);
    });

    it('purges only concerns closed before the cutoff, queue entries included', async () => {
      const oldClosed = sampleConcern({ receivedAt: iso(0) });
      const recentClosed = sampleConcern({ receivedAt: iso(1) });
      const oldOpen = sampleConcern({ receivedAt: iso(2) });
      for (const c of [oldClosed, recentClosed, oldOpen]) await store.submit(c);
      await store.addInformation(oldClosed.ref, 'more', at(3));
      await store.setStatus(oldClosed.ref, 'closed', at(10));
      await store.setStatus(recentClosed.ref, 'closed', at(100));
      expect(await store.purgeClosedBefore(at(50))).toBe(1);
      expect(await store.get(oldClosed.ref)).toBeUndefined();
      expect((await store.list()).map((c) => c.ref)).toEqual([recentClosed.ref, oldOpen.ref]);
      expect(await h.queued(oldClosed.agency)).toEqual([recentClosed.ref, oldOpen.ref].sort());
      expect(await store.purgeClosedBefore(at(50))).toBe(0);
      // The survivors can still be changed.
      expect(await store.addInformation(oldOpen.ref, 'still here', at(60))).toBe(true);
    });

    it('loses nothing when 20 additions arrive at once', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      const texts = Array.from({ length: 20 }, (_, i) => `addition ${i}`);
      const results = await Promise.all(texts.map((t, i) => store.addInformation(concern.ref, t, at(i))));
      expect(results.every(Boolean)).toBe(true);
      const stored = await store.get(concern.ref);
      expect(stored?.additions.map((a) => a.text).sort()).toEqual([...texts].sort());
    });

    it('loses nothing when different kinds of update race', async () => {
      const concern = sampleConcern();
      await store.submit(concern);
      const [, questionId] = await Promise.all([
        store.addInformation(concern.ref, 'added', at(1)),
        store.askQuestion(concern.ref, 'asked', at(2)),
        store.setStatus(concern.ref, 'being-looked-at', at(3)),
        store.addInformation(concern.ref, 'added too', at(4)),
      ]);
      const stored = await store.get(concern.ref);
      expect(stored?.additions.map((a) => a.text).sort()).toEqual(['added', 'added too']);
      expect(stored?.questions.map((q) => q.id)).toEqual([questionId]);
      expect(stored?.status).toBe('being-looked-at');
    });
  
    it('pages an agency’s queue urgent first, then oldest first, through ties and every page', async () => {
      const agency = 'barnsley-front-door';
      const sameTime = iso(5);
      const concerns = [
        ...Array.from({ length: 7 }, (_, i) => sampleConcern({ agency, receivedAt: iso(10 + i) })),
        ...Array.from({ length: 4 }, () => sampleConcern({ agency, receivedAt: sameTime })),
        sampleConcern({ agency, receivedAt: iso(30), urgent: true, urgentReasons: ['safety-check'] }),
        sampleConcern({ agency, receivedAt: iso(1), urgent: true, urgentReasons: ['safety-check'] }),
        sampleConcern({ agency: 'elsewhere', receivedAt: iso(0) }),
      ];
      for (const c of concerns) await store.submit(c);
      const order = (cs: Concern[]) =>
        [...cs].sort((a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.ref < b.ref ? -1 : 1)).map((c) => c.ref);
      const mine = concerns.filter((c) => c.agency === agency);
      for (const limit of [1, 3, 5, 50]) expect(await allPages(store, agency, { closed: false, limit })).toEqual(order(mine));
      expect(await allPages(store, agency, { closed: false, urgent: true, limit: 1 })).toEqual(order(mine.filter((c) => c.urgent)));
      expect(await allPages(store, agency, { closed: false, urgent: false, limit: 2 })).toEqual(order(mine.filter((c) => !c.urgent)));
      const first = await store.queue(agency, { closed: false, limit: 3 });
      expect(first.concerns.map((c) => c.ref)).toEqual(order(mine).slice(0, 3));
      expect(first.next).toBeDefined();
      const whole = await store.queue(agency, { closed: false, limit: mine.length });
      expect(whole.concerns).toHaveLength(mine.length);
      expect(whole.next).toBeUndefined();
    });

    it('moves a concern between queues as it is closed, made urgent or transferred', async () => {
      const a = sampleConcern({ agency: 'a', receivedAt: iso(0) });
      const b = sampleConcern({ agency: 'a', receivedAt: iso(1) });
      await store.submit(a);
      await store.submit(b);
      await store.setStatus(a.ref, 'closed', at(5));
      expect(await allPages(store, 'a', { closed: false, limit: 10 })).toEqual([b.ref]);
      expect(await allPages(store, 'a', { closed: true, limit: 10 })).toEqual([a.ref]);
      await store.addInformation(b.ref, 'they have a knife', at(6), { danger: true });
      expect(await allPages(store, 'a', { closed: false, urgent: true, limit: 10 })).toEqual([b.ref]);
      await store.updateTriage(b.ref, 'a', (c) => ({ triage: c.triage, status: 'passed-on', agency: 'b' }), at(7));
      expect(await allPages(store, 'a', { closed: false, limit: 10 })).toEqual([]);
      expect(await allPages(store, 'b', { closed: false, limit: 10 })).toEqual([b.ref]);
    });

    it('owes an urgent alert until it is sent, and an overdue one from the due time until it is sent or decided', async () => {
      const urgent = sampleConcern({ agency: 'a', receivedAt: iso(0), urgent: true, urgentReasons: ['safety-check'] });
      const ordinary = sampleConcern({ agency: 'b', receivedAt: iso(0) });
      const decided = sampleConcern({ agency: 'b', receivedAt: iso(0) });
      const closed = sampleConcern({ agency: 'b', receivedAt: iso(0), urgent: true, urgentReasons: ['safety-check'] });
      for (const c of [urgent, ordinary, decided, closed]) await store.submit(c);
      await store.setStatus(closed.ref, 'closed', at(1));
      await store.updateTriage(decided.ref, decided.agency, (c) => ({ triage: { ...c.triage, outcome: outcomeFor(c) }, status: c.status, agency: c.agency }), at(1));
      const owed = async (when: Date) => (await store.owedAlerts(when, { agencies: ['a', 'b'], limit: 10 })).map((a) => `${a.kind} ${a.ref} ${a.agency}`).sort();
      const urgentDue = dueAt(urgent, TEST_CLOCK).getTime();
      const ordinaryDue = dueAt(ordinary, TEST_CLOCK).getTime();
      expect(ordinaryDue).toBeGreaterThan(urgentDue);
      expect(await owed(at(2))).toEqual([`urgent ${urgent.ref} a`]);
      await store.updateTriage(urgent.ref, urgent.agency, sentUrgentAlert(3), at(3));
      expect(await owed(new Date(urgentDue))).toEqual([]);
      expect(await owed(new Date(urgentDue + 1))).toEqual([`overdue ${urgent.ref} a`]);
      expect(await owed(new Date(ordinaryDue + 1))).toEqual([`overdue ${ordinary.ref} b`, `overdue ${urgent.ref} a`].sort());
      const sent = new Date(ordinaryDue + 2);
      await store.updateTriage(ordinary.ref, ordinary.agency, (c) => ({ triage: { ...c.triage, alerts: { ...c.triage.alerts, overdue: sent.toISOString() } }, status: c.status, agency: c.agency }), sent);
      expect(await owed(sent)).toEqual([`overdue ${urgent.ref} a`]);
    });

    it('reads owed alerts only for the agencies asked about, at most the limit of each kind, oldest first', async () => {
      const urgent = (agency: string, minutes: number) => sampleConcern({ agency, receivedAt: iso(minutes), urgent: true, urgentReasons: ['safety-check'] });
      const mine = [urgent('a', 3), urgent('a', 1), urgent('a', 2)];
      for (const c of [...mine, urgent('quiet', 0)]) await store.submit(c);
      const later = new Date(Date.parse(iso(0)) + 30 * 24 * 3600_000);
      const owed = await store.owedAlerts(later, { agencies: ['a'], limit: 2 });
      expect(owed.filter((a) => a.kind === 'urgent').map((a) => a.ref)).toEqual([mine[1]!.ref, mine[2]!.ref]);
      expect(owed.filter((a) => a.kind === 'overdue').map((a) => a.ref)).toEqual([mine[1]!.ref, mine[2]!.ref]);
      expect(owed.every((a) => a.agency === 'a')).toBe(true);
      expect(await store.owedAlerts(later, { agencies: [], limit: 2 })).toEqual([]);
    });

    describe('a concern shared with a second agency', () => {
      const sharedConcern = (overrides: Partial<Concern> = {}) =>
        sampleConcern({
          agency: 'police',
          receivedAt: iso(0),
          urgent: true,
          urgentReasons: ['safety-check'],
          shares: [{ agency: 'front-door', at: iso(0), by: SHARED_BY_ROUTING, from: null, reason: null, triage: newTriageRecord() }],
          ...overrides,
        });
      const close = (minutes: number) => (p: Concern) => ({
        triage: { ...p.triage, outcome: outcomeFor(p), acknowledgedAt: iso(minutes) },
        status: 'closed' as const,
        agency: p.agency,
      });

      it('is in both agencies\u2019 queues, each seeing its own part and who else has it', async () => {
        const concern = sharedConcern();
        await store.submit(concern);
        const [police] = (await store.queue('police', { closed: false, limit: 10 })).concerns;
        const [door] = (await store.queue('front-door', { closed: false, limit: 10 })).concerns;
        expect(police).toMatchObject({ ref: concern.ref, agency: 'police', status: 'received', shares: [{ agency: 'front-door' }] });
        expect(door).toMatchObject({ ref: concern.ref, agency: 'front-door', status: 'received', shares: [{ agency: 'police' }] });
        expect((await store.list({ agency: 'front-door' })).map((c) => c.ref)).toEqual([concern.ref]);
        expect((await store.list({ agency: 'police' })).map((c) => c.ref)).toEqual([concern.ref]);
        // Each part owes its own urgent alert; sending one leaves the other owed.
        const owed = async () => (await store.owedAlerts(at(1), { agencies: ['police', 'front-door'], limit: 10 })).map((a) => `${a.kind} ${a.agency}`).sort();
        expect(await owed()).toEqual(['urgent front-door', 'urgent police']);
        await store.updateTriage(concern.ref, 'front-door', sentUrgentAlert(1), at(1));
        expect(await owed()).toEqual(['urgent police']);
      });

      it('keeps each agency\u2019s work apart, and closes for the reporter only when both have closed', async () => {
        const concern = sharedConcern();
        await store.submit(concern);
        const noted = await store.updateTriage(
          concern.ref,
          'front-door',
          (p) => ({ triage: { ...p.triage, notes: [{ id: 'n1', by: 'door-worker', at: iso(2), text: 'Known to us.' }], acknowledgedAt: iso(2) }, status: p.status, agency: p.agency }),
          at(2),
        );
        expect(noted).toMatchObject({ agency: 'front-door', status: 'being-looked-at' });
        const stored = await store.get(concern.ref);
        expect(stored?.triage.notes).toEqual([]);
        expect(stored?.shares[0]?.triage.notes).toHaveLength(1);
        // The police see that the front door has it and where it stands, never its notes.
        const [police] = (await store.queue('police', { closed: false, limit: 10 })).concerns;
        expect(police?.shares[0]).toMatchObject({ agency: 'front-door', triage: { notes: [], acknowledgedAt: iso(2) } });

        await store.updateTriage(concern.ref, 'front-door', close(3), at(3));
        expect((await store.get(concern.ref))?.status).toBe('being-looked-at');
        expect(await allPages(store, 'front-door', { closed: true, limit: 10 })).toEqual([concern.ref]);
        expect(await allPages(store, 'front-door', { closed: false, limit: 10 })).toEqual([]);
        expect(await allPages(store, 'police', { closed: false, limit: 10 })).toEqual([concern.ref]);
        await store.purgeClosedBefore(at(60 * 24 * 365));
        expect(await store.get(concern.ref)).toBeDefined(); // not closed for everyone: retention leaves it

        await store.updateTriage(concern.ref, 'police', close(4), at(4));
        const closed = await store.get(concern.ref);
        expect(closed).toMatchObject({ status: 'closed', statusChangedAt: iso(4), triage: { closedAt: iso(4) } });
        expect(closed?.shares[0]?.triage.closedAt).toBe(iso(3));
        expect(await store.purgeClosedBefore(at(5))).toBe(1);
        expect(await h.queued('police')).toEqual([]);
        expect(await h.queued('front-door')).toEqual([]);
        expect(await store.owedAlerts(at(60 * 24 * 30), { agencies: ['police', 'front-door'], limit: 10 })).toEqual([]);
      });

      it('moves only the transferred part, and makes danger added later due again for every agency', async () => {
        const concern = sharedConcern();
        await store.submit(concern);
        for (const agency of ['police', 'front-door']) await store.updateTriage(concern.ref, agency, sentUrgentAlert(1), at(1));
        const moved = await store.updateTriage(concern.ref, 'front-door', (p) => ({ triage: p.triage, status: p.status, agency: 'other-door' }), at(2));
        expect(moved?.agency).toBe('other-door');
        expect(await h.queued('front-door')).toEqual([]);
        expect(await h.queued('other-door')).toEqual([concern.ref]);
        expect(await h.queued('police')).toEqual([concern.ref]);
        await store.addInformation(concern.ref, 'they took him in the car', at(3), { danger: true });
        const owed = (await store.owedAlerts(at(4), { agencies: ['police', 'other-door'], limit: 10 })).map((a) => `${a.kind} ${a.agency}`).sort();
        expect(owed).toEqual(['urgent other-door', 'urgent police']);
      });

      it('refuses another agency\u2019s change as the change decides, seeing the whole concern', async () => {
        const concern = sharedConcern();
        await store.submit(concern);
        const seen: string[] = [];
        await expect(
          store.updateTriage(concern.ref, 'stranger', (p) => {
            seen.push(p.agency);
            throw new Error('not yours');
          }, at(1)),
        ).rejects.toThrow('not yours');
        expect(seen).toEqual(['police']);
      });
    });
  });
}

function outcomeFor(c: Concern): Concern['triage']['outcome'] {
  return { category: 'advice-or-signposting', rag: 'green', rationale: 'Advice given.', by: 'jo-bloggs-7k2p', at: c.receivedAt };
}