import { dispatcherRig, OVERDUE, URGENT, type DispatcherRig } from './dispatcherSetup';
import { until } from '../helpers/webhookReceiver';

/** The background loop on real timers: a long poll, so anything sooner is a retry, a poke or the first round. */
const realTime = { now: () => new Date(), pollMs: 60_000 };

let rig: DispatcherRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('AlertDispatcher background loop', () => {
  it('webhook retries against a local receiver on its own timers, well before the next poll', async () => {
    rig = await dispatcherRig([URGENT], realTime);
    rig.receiver.answer({ status: 500 }, { status: 500 });
    rig.dispatcher.start();

    await until(() => rig!.source.sent.length === 1, 3000, 'delivery');
    expect(rig.receiver.received).toHaveLength(3);
    const [first, second, third] = rig.receiver.received.map((r) => r.at) as [number, number, number];
    // Jitter keeps each wait to at least half the doubled backoff: ≥ 10 ms, then ≥ 20 ms (less 1 ms of timer rounding).
    expect(second - first).toBeGreaterThanOrEqual(9);
    expect(third - second).toBeGreaterThanOrEqual(19);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, failing: 0, delivered: 1, lastError: 'HTTP 500' });
  });

  it('runs a round soon after a poke, without waiting for the poll', async () => {
    rig = await dispatcherRig([], realTime);
    rig.dispatcher.start();
    await until(() => rig!.source.pendingCalls === 1, 2000, 'the first round');
    await sleep(20);

    rig.source.alerts = [URGENT];
    rig.dispatcher.poke();
    await rig.receiver.waitFor(1, 2000);
    await until(() => rig!.source.sent.length === 1, 2000, 'markSent');
    expect(rig.source.pendingCalls).toBe(2);
  });

  it('ignores a poke before start and after stop', async () => {
    rig = await dispatcherRig([URGENT], realTime);
    rig.dispatcher.poke();
    await sleep(50);
    expect(rig.source.pendingCalls).toBe(0);

    await rig.dispatcher.stop();
    rig.dispatcher.poke();
    rig.dispatcher.start();
    await rig.dispatcher.runOnce();
    await sleep(50);
    expect(rig.source.pendingCalls).toBe(0);
    expect(rig.receiver.received).toHaveLength(0);
  });

  it('pokes during a round come to one more round after it', async () => {
    rig = await dispatcherRig([URGENT], realTime);
    const release = rig.source.hold();
    rig.dispatcher.start();
    await until(() => rig!.source.pendingCalls === 1, 2000, 'the first round');

    rig.dispatcher.poke();
    rig.dispatcher.poke();
    await sleep(20);
    expect(rig.source.pendingCalls).toBe(1); // not started alongside the round in flight
    release();
    await until(() => rig!.source.pendingCalls === 2, 2000, 'the poked round');
    await sleep(50);

    expect(rig.source.pendingCalls).toBe(2);
    expect(rig.source.maxConcurrent).toBe(1);
    expect(rig.receiver.received).toHaveLength(1);
  });

  it('runOnce during a round waits for it rather than overlapping', async () => {
    rig = await dispatcherRig([URGENT], realTime);
    const release = rig.source.hold();
    rig.dispatcher.start();
    await until(() => rig!.source.pendingCalls === 1, 2000, 'the first round');

    let done = false;
    const extra = rig.dispatcher.runOnce().then(() => {
      done = true;
    });
    await sleep(20);
    expect([rig.source.pendingCalls, done]).toEqual([1, false]);
    release();
    await extra;
    expect(rig.source.pendingCalls).toBe(2);
    expect(rig.source.maxConcurrent).toBe(1);
    expect(rig.receiver.received).toHaveLength(1);
  });

  it('stop() lets the post in flight finish and be recorded, then posts nothing more', async () => {
    rig = await dispatcherRig([URGENT, OVERDUE], realTime);
    rig.receiver.answer({ status: 200, delayMs: 150 });
    rig.dispatcher.start();
    await rig.receiver.waitFor(1, 2000);

    const stopping = rig.dispatcher.stop();
    expect(rig.source.sent).toEqual([]);
    await stopping;
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT]);

    const calls = rig.source.pendingCalls;
    rig.dispatcher.poke();
    await rig.dispatcher.runOnce();
    await sleep(100);
    expect(rig.receiver.received).toHaveLength(1);
    expect(rig.source.pendingCalls).toBe(calls);
  });
});
