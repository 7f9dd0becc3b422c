import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { ConcernSubmitter } from '../../src/concerns/concernSubmitter';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { RetentionSweep } from '../../src/concerns/retentionSweep';
import { createLogger } from '../../src/logging/logger';
import { sampleConcern } from '../helpers/concerns';
import { LogCapture } from '../helpers/testApp';

let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(async () => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(async () => {
  scratch.close();
});

/** The real embedded store behind a switch that makes submit fail, as an unreachable Redis would. */
function switchable(target: ConcernStore) {
  const control = { down: true, calls: 0 };
  const wrapped: ConcernStore = Object.create(target) as ConcernStore;
  wrapped.submit = (c: Concern) => {
    control.calls += 1;
    return control.down ? Promise.reject(new Error('ECONNREFUSED')) : target.submit(c);
  };
  return { wrapped, control };
}

describe('ConcernSubmitter', () => {
  it('says stored only after the store acknowledged, keeps a failed concern and delivers it in the background once', async () => {
    const logs = new LogCapture();
    const { wrapped, control } = switchable(store);
    const submitter = new ConcernSubmitter(wrapped, createLogger('info', logs), { attempts: 3, firstDelayMs: 5, outboxIntervalMs: 20 });
    const concern = sampleConcern();

    expect(await submitter.submit(concern)).toEqual({ stored: false });
    expect(control.calls).toBe(3);
    expect(submitter.waiting).toBe(1);
    expect(await store.list()).toEqual([]);

    control.down = false;
    for (let i = 0; i < 100 && submitter.waiting > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(submitter.waiting).toBe(0);
    expect((await store.list()).map((c) => c.ref)).toEqual([concern.ref]);

    // The reporter's own "try again" afterwards gets the same reference, and stores nothing new.
    expect(await submitter.submit({ ...concern, ref: 'AAAA-AAAA-AAAA-AAAA' })).toEqual({ stored: true, ref: concern.ref });
    expect(await store.list()).toHaveLength(1);
    expect(logs.text).toMatch(/CONCERN_STORE_FAILED[\s\S]*CONCERN_STORED_LATE/);
    expect(logs.text).not.toContain(concern.answers.worry!);
    await submitter.stop();
  });
});

describe('RetentionSweep', () => {
  it('deletes closed concerns once closed longer than the retention period, and nothing else', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const old = sampleConcern({ receivedAt: daysAgo(200).toISOString(), statusChangedAt: daysAgo(200).toISOString() });
    const recent = sampleConcern({ receivedAt: daysAgo(200).toISOString(), statusChangedAt: daysAgo(200).toISOString() });
    const open = sampleConcern({ receivedAt: daysAgo(300).toISOString(), statusChangedAt: daysAgo(300).toISOString() });
    for (const c of [old, recent, open]) await store.submit(c);
    await store.setStatus(old.ref, 'closed', daysAgo(91));
    await store.setStatus(recent.ref, 'closed', daysAgo(89));

    const sweep = new RetentionSweep(store, 90, createLogger('silent'), () => now);
    expect(await sweep.sweep()).toBe(1);
    expect((await store.list()).map((c) => c.ref).sort()).toEqual([recent.ref, open.ref].sort());
  });
});
