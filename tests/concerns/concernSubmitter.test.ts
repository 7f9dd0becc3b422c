import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { ConcernSubmitter } from '../../src/concerns/concernSubmitter';
import { OUTBOX_KEEP_DAYS } from '../../src/concerns/outboxRelay';
import { OUTBOX_FILE, SqliteConcernOutbox } from '../../src/concerns/sqliteConcernOutbox';
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
  let outboxDir: string;
  beforeEach(() => {
    outboxDir = mkdtempSync(join(tmpdir(), 'clearsight-outbox-'));
  });
  afterEach(() => {
    rmSync(outboxDir, { recursive: true, force: true });
  });

  /** Waits for `done` to hold, every 10 ms, for at most 30 s. */
  async function until(done: () => Promise<boolean>): Promise<void> {
    const limit = Date.now() + 30_000;
    while (!(await done()) && Date.now() < limit) await new Promise((r) => setTimeout(r, 10));
  }

  it('says stored only after the store acknowledged; keeps a failed concern on disk (0600) and delivers it once in the background', async () => {
    const logs = new LogCapture();
    const { wrapped, control } = switchable(store);
    const outbox = new SqliteConcernOutbox(outboxDir);
    const submitter = new ConcernSubmitter(wrapped, createLogger('info', logs), { attempts: 3, firstDelayMs: 5, outboxIntervalMs: 20, outbox });
    const concern = sampleConcern();

    expect(await submitter.submit(concern)).toEqual({ stored: false, kept: true });
    expect(control.calls).toBeGreaterThanOrEqual(3);
    expect(await submitter.waiting()).toBe(1);
    expect(statSync(join(outboxDir, OUTBOX_FILE)).mode & 0o777).toBe(0o600);
    expect(await store.list()).toEqual([]);

    control.down = false;
    await until(async () => (await submitter.waiting()) === 0);
    expect(await submitter.waiting()).toBe(0);
    expect((await store.list()).map((c) => c.ref)).toEqual([concern.ref]);

    // The reporter's own "try again" afterwards gets the same reference, and stores nothing new.
    expect(await submitter.submit({ ...concern, ref: 'AAAA-AAAA-AAAA-AAAA' })).toEqual({ stored: true, ref: concern.ref });
    expect(await store.list()).toHaveLength(1);
    expect(logs.text).toMatch(/CONCERN_STORE_FAILED[\s\S]*CONCERN_KEPT_IN_OUTBOX[\s\S]*CONCERN_STORED_LATE/);
    expect(logs.text).not.toContain(concern.answers.worry!);
    expect(logs.text).not.toContain(concern.ref);
    await submitter.stop();
    // Delivered entries leave no words behind in the file (secure_delete, the journal deleted after each commit).
    expect(readFileSync(join(outboxDir, OUTBOX_FILE)).toString('latin1')).not.toContain('new trainers');
  });

  it('keeps what a stopped (or crashed) process left: the next one delivers it at start-up, with its reference', async () => {
    const { wrapped, control } = switchable(store);
    const first = new ConcernSubmitter(wrapped, createLogger('silent'), { attempts: 1, outbox: new SqliteConcernOutbox(outboxDir), outboxIntervalMs: 60_000 });
    const concerns = [sampleConcern(), sampleConcern()];
    for (const c of concerns) expect(await first.submit(c)).toEqual({ stored: false, kept: true });
    await first.stop();

    control.down = false;
    const second = new ConcernSubmitter(wrapped, createLogger('silent'), { outbox: new SqliteConcernOutbox(outboxDir), outboxIntervalMs: 60_000 });
    // Another process on the same DATA_DIR delivering at the same moment stores nothing twice.
    const third = new ConcernSubmitter(wrapped, createLogger('silent'), { outbox: new SqliteConcernOutbox(outboxDir), outboxIntervalMs: 60_000 });
    second.start();
    third.start();
    await until(async () => (await second.waiting()) === 0);
    await Promise.all([second.flush(), third.flush()]);
    expect((await store.list()).map((c) => c.ref).sort()).toEqual(concerns.map((c) => c.ref).sort());
    await Promise.all([second.stop(), third.stop()]);
  });

  it('withdraws a kept concern the reporter deleted before any round delivers it; gives the reference of one already stored', async () => {
    const { wrapped, control } = switchable(store);
    const submitter = new ConcernSubmitter(wrapped, createLogger('silent'), { attempts: 1, outbox: new SqliteConcernOutbox(outboxDir), outboxIntervalMs: 5 });
    const deleted = sampleConcern();
    const delivered = sampleConcern();
    for (const c of [deleted, delivered]) expect(await submitter.submit(c)).toEqual({ stored: false, kept: true });
    expect(await submitter.withdraw(deleted.submissionId)).toEqual({ deleted: true });
    control.down = false;
    await until(async () => (await submitter.waiting()) === 0);
    expect((await store.list()).map((c) => c.ref)).toEqual([delivered.ref]);
    expect(await submitter.withdraw(delivered.submissionId)).toEqual({ deleted: false, ref: delivered.ref });
    // Stored by a send whose reply was lost (never in the outbox): the store still says so.
    const sentEarlier = sampleConcern();
    await store.submit(sentEarlier);
    expect(await submitter.withdraw(sentEarlier.submissionId)).toEqual({ deleted: false, ref: sentEarlier.ref });
    await submitter.stop();
  });

  it('on the embedded default (no outbox) says honestly that a concern the store refused was not kept', async () => {
    const { wrapped } = switchable(store);
    const submitter = new ConcernSubmitter(wrapped, createLogger('silent'), { attempts: 2, firstDelayMs: 1 });
    expect(await submitter.submit(sampleConcern())).toEqual({ stored: false, kept: false });
    expect(await submitter.waiting()).toBe(0);
    await submitter.stop();
  });

  it('says not kept when the outbox cannot write either', async () => {
    const { wrapped } = switchable(store);
    const outbox = new SqliteConcernOutbox(outboxDir);
    outbox.close(); // every write now fails
    const logs = new LogCapture();
    const submitter = new ConcernSubmitter(wrapped, createLogger('info', logs), { attempts: 1, outbox });
    expect(await submitter.submit(sampleConcern())).toEqual({ stored: false, kept: false });
    expect(logs.text).toMatch(/"code":"CONCERN_OUTBOX_WRITE_FAILED"/);
  });

  it(`deletes an entry never stored after ${OUTBOX_KEEP_DAYS} days, logging the count and never the content`, async () => {
    const logs = new LogCapture();
    const { wrapped } = switchable(store);
    const outbox = new SqliteConcernOutbox(outboxDir);
    const now = new Date('2026-12-01T10:00:00Z');
    const old = sampleConcern();
    const recent = sampleConcern();
    await outbox.put(old, new Date(now.getTime() - (OUTBOX_KEEP_DAYS + 1) * 86_400_000));
    await outbox.put(recent, new Date(now.getTime() - 86_400_000));
    const submitter = new ConcernSubmitter(wrapped, createLogger('info', logs), { outbox, now: () => now });
    await submitter.flush();
    expect((await outbox.entries()).entries.map((e) => e.concern.ref)).toEqual([recent.ref]);
    expect(logs.text).toMatch(/"code":"CONCERN_OUTBOX_EXPIRED","count":1/);
    expect(logs.text).toMatch(/"code":"CONCERN_OUTBOX_WAITING","count":1/);
    expect(logs.text).not.toContain(old.ref);
    expect(logs.text).not.toContain('new trainers');
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
