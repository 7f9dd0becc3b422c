import type { Alert } from '../../src/alerts/alert';
import { dispatcherRig, OVERDUE, URGENT, type DispatcherRig } from './dispatcherSetup';

let rig: DispatcherRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('AlertDispatcher onPosted (what the metrics count)', () => {
  it('is told of each POST once, delivered or failed, with the alert', async () => {
    const posted: Array<[Alert['kind'], boolean]> = [];
    rig = await dispatcherRig([URGENT, OVERDUE], { onPosted: (alert, delivered) => posted.push([alert.kind, delivered]) });
    rig.receiver.answer({ status: 500 });
    await rig.dispatcher.runOnce(); // the urgent one fails; the webhook is left alone for the rest of the round
    expect(posted).toEqual([['urgent', false]]);

    rig.clock.ms += 60_000; // past the backoff
    await rig.dispatcher.runOnce();
    expect(posted).toEqual([
      ['urgent', false],
      ['urgent', true],
      ['overdue', true],
    ]);
  });
});
