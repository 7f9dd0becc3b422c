import { AlertDispatcher } from '../../src/alerts/webhookAlerter';
import { createLogger } from '../../src/logging/logger';
import { freePort } from '../helpers/freePort';
import { dispatcherRig, logEntries, OVERDUE, URGENT, type DispatcherRig } from './dispatcherSetup';
import { MemoryAlertSource, STORE_ERROR } from './memoryAlertSource';
import { WebhookReceiver } from '../helpers/webhookReceiver';

let rig: DispatcherRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Moves the clock 1 ms at a time, running a round each step, until the receiver has seen `count` posts; returns the ms moved. */
async function msUntilPost(r: DispatcherRig, count: number, limitMs = 1000): Promise<number> {
  const from = r.clock.ms;
  while (r.receiver.received.length < count) {
    if (r.clock.ms - from > limitMs) throw new Error(`no post ${count} within ${limitMs} ms`);
    r.clock.ms += 1;
    await r.dispatcher.runOnce();
  }
  return r.clock.ms - from;
}

describe('AlertDispatcher rounds', () => {
  it('posts an urgent and an overdue alert with exactly the reference, agency and urgency, and records each as sent once', async () => {
    rig = await dispatcherRig([URGENT, OVERDUE]);
    await rig.dispatcher.runOnce();

    expect(rig.receiver.received.map((r) => [r.method, r.path, r.contentType])).toEqual([
      ['POST', '/services/T0000/B0000/receiversecret', 'application/json'],
      ['POST', '/services/T0000/B0000/receiversecret', 'application/json'],
    ]);
    const bodies = rig.receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies).toEqual([
      {
        text: 'Clearsight: new URGENT concern ABCD-EFGH-JKLM-NPQR for barnsley-front-door. Open the triage console.',
        ref: 'ABCD-EFGH-JKLM-NPQR',
        agency: 'barnsley-front-door',
        urgency: 'urgent',
      },
      {
        text: 'Clearsight: concern WXYZ-2345-6789-ABCD for barnsley-front-door is OVERDUE: no decision recorded within its due time.',
        ref: 'WXYZ-2345-6789-ABCD',
        agency: 'barnsley-front-door',
        urgency: 'overdue',
      },
    ]);
    for (const body of bodies) expect(Object.keys(body).sort()).toEqual(['agency', 'ref', 'text', 'urgency']);
    expect(rig.source.sent).toEqual([
      { alert: URGENT, at: rig.clock.now() },
      { alert: OVERDUE, at: rig.clock.now() },
    ]);

    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(2);
    expect(rig.source.markSentCalls).toBe(2);
    expect(rig.dispatcher.status()).toEqual({ healthy: true, failing: 0, delivered: 2, lastFailureAt: null, lastError: null });
  });

  it('webhook retries against a local receiver: fails twice with 500, delivered on the third attempt after growing waits', async () => {
    rig = await dispatcherRig([URGENT]);
    rig.receiver.answer({ status: 500 }, { status: 500 });

    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    // Still inside its backoff: a round at the same moment leaves it alone.
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);

    const firstWait = await msUntilPost(rig, 2);
    const secondWait = await msUntilPost(rig, 3);
    // baseMs 20: the first wait is 10–20 ms, the second 20–40 ms (doubling, with jitter in the lower half).
    expect(firstWait).toBeGreaterThanOrEqual(10);
    expect(firstWait).toBeLessThanOrEqual(20);
    expect(secondWait).toBeGreaterThanOrEqual(20);
    expect(secondWait).toBeLessThanOrEqual(40);
    expect(secondWait).toBeGreaterThanOrEqual(firstWait);

    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);
    expect(new Set(rig.receiver.received.map((r) => r.body)).size).toBe(1); // the same message each time
    const failures = logEntries(rig.logs).filter((e) => e.code === 'ALERT_DELIVERY_FAILED');
    expect(failures.map((e) => [e.attempt, e.status, e.kind, e.agency])).toEqual([
      [1, 500, 'urgent', 'barnsley-front-door'],
      [2, 500, 'urgent', 'barnsley-front-door'],
    ]);
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_DELIVERED')).toMatchObject({ attempt: 3, kind: 'urgent' });
  });

  it('is unhealthy while an alert is failing, and healthy again once it is delivered', async () => {
    rig = await dispatcherRig([URGENT]);
    rig.receiver.answer({ status: 503 });
    await rig.dispatcher.runOnce();
    const failedAt = rig.clock.now().toISOString();
    expect(rig.dispatcher.status()).toEqual({ healthy: false, failing: 1, delivered: 0, lastFailureAt: failedAt, lastError: 'HTTP 503' });

    rig.clock.ms += 200;
    await rig.dispatcher.runOnce();
    // The last failure stays on record after recovery.
    expect(rig.dispatcher.status()).toEqual({ healthy: true, failing: 0, delivered: 1, lastFailureAt: failedAt, lastError: 'HTTP 503' });
  });

  it('counts a webhook that never answers as a failure once the timeout passes', async () => {
    rig = await dispatcherRig([URGENT], { timeoutMs: 100 });
    rig.receiver.answer('hang');
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    expect(rig.source.sent).toEqual([]);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: false, failing: 1, lastError: 'timeout' });
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_DELIVERY_FAILED')).toMatchObject({ error: 'timeout', attempt: 1 });

    rig.clock.ms += 200;
    await rig.dispatcher.runOnce();
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);
  });

  it('honours a 429 Retry-After, even when it is longer than the backoff', async () => {
    rig = await dispatcherRig([URGENT], { backoff: { baseMs: 20, maxMs: 5000 } });
    rig.receiver.answer({ status: 429, headers: { 'retry-after': '1' } });
    await rig.dispatcher.runOnce();

    rig.clock.ms += 999;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    rig.clock.ms += 1;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(2);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_DELIVERY_FAILED')).toMatchObject({ status: 429, retryInMs: 1000 });
  });

  it('caps a Retry-After at maxMs', async () => {
    rig = await dispatcherRig([URGENT], { backoff: { baseMs: 20, maxMs: 200 } });
    rig.receiver.answer({ status: 429, headers: { 'retry-after': '3600' } });
    await rig.dispatcher.runOnce();
    rig.clock.ms += 199;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    rig.clock.ms += 1;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(2);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, delivered: 1 });
  });

  it('never posts for an agency without a webhook, and says so in the logs once', async () => {
    const elsewhere = { kind: 'urgent' as const, ref: 'QRST-2345-6789-ABCD', agency: 'sheffield-childrens' };
    rig = await dispatcherRig([elsewhere, URGENT]);
    await rig.dispatcher.runOnce();
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received.map((r) => (JSON.parse(r.body) as { agency: string }).agency)).toEqual(['barnsley-front-door']);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, failing: 0 });
    expect(logEntries(rig.logs).filter((e) => e.code === 'ALERT_NO_WEBHOOK')).toEqual([expect.objectContaining({ agency: 'sheffield-childrens' })]);
  });

  it('posts urgent alerts first, and leaves the rest of a failing webhook’s queue for a later round', async () => {
    rig = await dispatcherRig([OVERDUE, URGENT]);
    rig.receiver.answer({ status: 500 });
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received.map((r) => (JSON.parse(r.body) as { urgency: string }).urgency)).toEqual(['urgent']);
    expect(rig.dispatcher.status()).toMatchObject({ failing: 1 });

    rig.clock.ms += 200;
    await rig.dispatcher.runOnce();
    expect(rig.source.sent.map((s) => s.alert.kind)).toEqual(['urgent', 'overdue']);
    expect(rig.receiver.received).toHaveLength(3);
  });

  it('does not let one agency’s hanging webhook hold up another agency’s alerts', async () => {
    const other = await WebhookReceiver.start();
    const sheffield = { kind: 'urgent' as const, ref: 'QRST-2345-6789-ABCD', agency: 'sheffield-childrens' };
    rig = await dispatcherRig([URGENT, sheffield], { timeoutMs: 300 }, { 'sheffield-childrens': other.url() });
    rig.receiver.answer('hang');
    let barnsleyFailedFirst: boolean | undefined;
    other.onReceive = () => {
      barnsleyFailedFirst = rig!.dispatcher.status().failing > 0;
    };
    try {
      await rig.dispatcher.runOnce();
    } finally {
      await other.close();
    }
    expect(barnsleyFailedFirst).toBe(false);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([sheffield]);
    expect(rig.dispatcher.status()).toMatchObject({ failing: 1, delivered: 1, lastError: 'timeout' });
  });

  it('forgets the failures of alerts that are no longer pending', async () => {
    rig = await dispatcherRig([URGENT]);
    rig.receiver.answer({ status: 500 });
    await rig.dispatcher.runOnce();
    expect(rig.dispatcher.status()).toMatchObject({ healthy: false, failing: 1 });

    rig.source.alerts = []; // delivered elsewhere, or the concern purged
    rig.clock.ms += 200;
    await rig.dispatcher.runOnce();
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, failing: 0, delivered: 0 });
    expect(rig.receiver.received).toHaveLength(1);
  });

  it('logs a source that cannot be read and carries on at the next round', async () => {
    rig = await dispatcherRig([URGENT]);
    rig.source.failPending = 1;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(0);
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_SOURCE_FAILED')).toMatchObject({ op: 'pending', err: { type: 'Error' } });

    await rig.dispatcher.runOnce();
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);
  });

  it('records a delivered alert that the source failed to record at the next round, without posting it again', async () => {
    rig = await dispatcherRig([URGENT]);
    rig.source.failMarkSent = 1;
    await rig.dispatcher.runOnce();
    expect(rig.source.sent).toEqual([]);
    const postedAt = rig.clock.now();
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_SOURCE_FAILED')).toMatchObject({ op: 'markSent', kind: 'urgent' });

    rig.clock.ms += 1000;
    await rig.dispatcher.runOnce();
    expect(rig.source.sent).toEqual([{ alert: URGENT, at: postedAt }]);
    expect(rig.receiver.received).toHaveLength(1);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, delivered: 1 });
  });

  it('keeps webhook URLs, references, hosts and error messages out of the logs', async () => {
    const refused = await freePort();
    const sheffield = { kind: 'overdue' as const, ref: 'QRST-2345-6789-ABCD', agency: 'sheffield-childrens' };
    rig = await dispatcherRig([URGENT, sheffield], { timeoutMs: 100 }, { 'sheffield-childrens': `http://127.0.0.1:${refused}/services/T2/B2/refusedsecret` });
    rig.receiver.answer({ status: 500 }, 'hang');
    rig.source.failPending = 1;
    rig.source.failMarkSent = 1;
    for (let i = 0; i < 5; i += 1) {
      await rig.dispatcher.runOnce();
      rig.clock.ms += 200;
    }

    const entries = logEntries(rig.logs);
    expect(entries.map((e) => e.code)).toEqual(expect.arrayContaining(['ALERT_SOURCE_FAILED', 'ALERT_DELIVERY_FAILED', 'ALERT_DELIVERED']));
    expect(entries.filter((e) => e.code === 'ALERT_DELIVERY_FAILED').map((e) => e.status ?? e.error)).toEqual(expect.arrayContaining([500, 'timeout', 'ECONNREFUSED']));
    for (const leak of ['receiversecret', 'refusedsecret', '/services/', '127.0.0.1', `:${refused}`, URGENT.ref, sheffield.ref, STORE_ERROR]) {
      expect(rig.logs.text).not.toContain(leak);
    }
  });

  it('refuses bad timings when it is built', () => {
    const base = { source: new MemoryAlertSource(), webhooks: {}, logger: createLogger('silent') };
    expect(() => new AlertDispatcher({ ...base, pollMs: 0 })).toThrow('pollMs must be a positive number');
    expect(() => new AlertDispatcher({ ...base, timeoutMs: Number.NaN })).toThrow('timeoutMs must be a positive number');
    expect(() => new AlertDispatcher({ ...base, backoff: { baseMs: 1000, maxMs: 10 } })).toThrow('backoff.maxMs must be at least backoff.baseMs');
  });
});
