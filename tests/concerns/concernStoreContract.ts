import { concernSchema } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { sampleConcern } from '../helpers/concerns';

export interface ConcernStoreHarness {
  store: ConcernStore;
  /** The refs of the 'new' entries in the agency's queue, sorted (queue order is the store's own). */
  queued(agency: string): Promise<string[]>;
}

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

/** The behaviour every ConcernStore must have; run against the file store and the real Redis. */
export function describeConcernStoreContract(
  name: string,
  make: () => Promise<ConcernStoreHarness>,
  teardown: () => Promise<void>,
) {
  describe(`${name} (ConcernStore contract)`, () => {
    let h: ConcernStoreHarness;
    let store: ConcernStore;
    beforeEach(async () => {
      h = await make();
      store = h.store;
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
      await store.updateTriage(concern.ref, (c) => ({ triage: { ...c.triage, alerts: { ...c.triage.alerts, urgent: iso(1) } }, status: c.status, agency: c.agency, event: null }), at(1));
      expect(await store.addInformation(concern.ref, 'theyre back and one has a knife', at(30), { danger: true })).toBe(true);
      const raised = await store.get(concern.ref);
      expect(raised).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'], additions: [{ at: iso(30), text: 'theyre back and one has a knife' }] });
      // The urgent clock runs from the news, not from the original report.
      expect(raised?.triage.clockFrom).toBe(iso(30));
      expect(raised?.triage.alerts.urgent).toBeNull();

      const id = await store.askQuestion(concern.ref, 'Is he safe now?', at(40));
      await store.updateTriage(concern.ref, (c) => ({ triage: { ...c.triage, alerts: { ...c.triage.alerts, urgent: iso(41) } }, status: c.status, agency: c.agency, event: null }), at(41));
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
  });
}
