import type { OutOfHoursRoute } from '../../src/alerts/alertRoutes';
import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { defaultContentDir } from '../../src/content/contentDir';
import { isInWorkingHours } from '../../src/triage/workingHours';
import { WebhookReceiver } from '../helpers/webhookReceiver';
import { dispatcherRig, logEntries, OVERDUE, URGENT, type DispatcherRig } from './dispatcherSetup';

const holidays = BankHolidayCalendar.load(defaultContentDir());
const MONDAY_MORNING = Date.parse('2025-03-03T09:00:00Z'); // the test clock's start: in hours
const MONDAY_EVENING = Date.parse('2025-03-03T18:00:00Z');
const SATURDAY = Date.parse('2025-03-08T12:00:00Z');

/** The emergency duty team takes barnsley-front-door's (and sheffield-childrens') urgent alerts outside 08:30–17:00 on working days. */
const route: OutOfHoursRoute = { webhook: 'emergency-duty-team', inHours: (at) => isInWorkingHours(at, { opens: '08:30', closes: '17:00' }, holidays) };
const outOfHours = new Map([
  ['barnsley-front-door', route],
  ['sheffield-childrens', route],
]);

let rig: DispatcherRig | undefined;
let edt: WebhookReceiver;
beforeEach(async () => {
  edt = await WebhookReceiver.start();
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  await edt.close();
});

const start = (alerts = [URGENT, OVERDUE]) =>
  dispatcherRig(alerts, { outOfHours }, { 'emergency-duty-team': { url: edt.url('T9/B9/edtsecret'), format: 'teams' } });
const bodies = (receiver: WebhookReceiver) => receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('out-of-hours routes', () => {
  it('in working hours, sends urgent and overdue alerts to the agency’s own webhook only', async () => {
    rig = await start();
    rig.clock.ms = MONDAY_MORNING;
    await rig.dispatcher.runOnce();
    expect(bodies(rig.receiver).map((b) => b.urgency)).toEqual(['urgent', 'overdue']);
    expect(edt.received).toEqual([]);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT, OVERDUE]);
  });

  it('out of hours, sends an urgent alert to the agency’s webhook and its out-of-hours route (in that webhook’s format), recorded once', async () => {
    rig = await start();
    rig.clock.ms = MONDAY_EVENING;
    await rig.dispatcher.runOnce();
    // The agency's own channel: the Slack message, both alerts.
    expect(bodies(rig.receiver).map((b) => [b.urgency, b.ref])).toEqual([
      ['urgent', URGENT.ref],
      ['overdue', OVERDUE.ref],
    ]);
    // The emergency duty team: the urgent one only, as a Teams card. An overdue alert waits for the office.
    expect(edt.received).toHaveLength(1);
    expect(edt.received[0]).toMatchObject({ path: '/services/T9/B9/edtsecret', contentType: 'application/json' });
    const card = bodies(edt)[0] as { type: string; attachments: Array<{ content: { body: Array<{ facts?: Array<{ value: string }> }> } }> };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.content.body[1]!.facts!.map((f) => f.value)).toEqual([URGENT.ref, 'barnsley-front-door']);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([URGENT, OVERDUE]);

    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(2);
    expect(edt.received).toHaveLength(1);
    const delivered = logEntries(rig.logs).filter((e) => e.code === 'ALERT_DELIVERED');
    expect(delivered.map((e) => [e.kind, e.webhook])).toEqual(
      expect.arrayContaining([
        ['urgent', 'barnsley-front-door'],
        ['urgent', 'emergency-duty-team'],
        ['overdue', 'barnsley-front-door'],
      ]),
    );
    expect(rig.logs.text).not.toContain('edtsecret');
    expect(rig.logs.text).not.toContain('receiversecret');
  });

  it('counts the whole weekend as out of hours', async () => {
    rig = await start([URGENT]);
    rig.clock.ms = SATURDAY;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    expect(edt.received).toHaveLength(1);
  });

  it('records the alert only once every webhook has it, without posting again to the one that already has it', async () => {
    rig = await start([URGENT]);
    rig.clock.ms = MONDAY_EVENING;
    const postedAt = rig.clock.now();
    edt.answer({ status: 500 });
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1);
    expect(edt.received).toHaveLength(1);
    expect(rig.source.sent).toEqual([]);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: false, failing: 1, delivered: 1 });
    expect(logEntries(rig.logs).find((e) => e.code === 'ALERT_DELIVERY_FAILED')).toMatchObject({ webhook: 'emergency-duty-team', status: 500 });

    rig.clock.ms += 200;
    await rig.dispatcher.runOnce();
    expect(rig.receiver.received).toHaveLength(1); // not posted to the agency's channel twice
    expect(edt.received).toHaveLength(2);
    // Recorded as sent when it was first posted.
    expect(rig.source.sent).toEqual([{ alert: URGENT, at: postedAt }]);
    expect(rig.dispatcher.status()).toMatchObject({ healthy: true, failing: 0, delivered: 2 });
  });

  it('alerts an agency that has only an out-of-hours route out of hours, and nobody in hours (said once in the log)', async () => {
    const sheffield = { kind: 'urgent' as const, ref: 'QRST-2345-6789-ABCD', agency: 'sheffield-childrens' };
    rig = await start([sheffield]);
    rig.clock.ms = MONDAY_MORNING;
    await rig.dispatcher.runOnce();
    await rig.dispatcher.runOnce();
    expect(edt.received).toHaveLength(0);
    expect(rig.source.sent).toEqual([]);
    expect(logEntries(rig.logs).filter((e) => e.code === 'ALERT_NO_WEBHOOK')).toEqual([expect.objectContaining({ agency: 'sheffield-childrens' })]);

    rig.clock.ms = MONDAY_EVENING;
    await rig.dispatcher.runOnce();
    expect(edt.received).toHaveLength(1);
    expect(rig.receiver.received).toHaveLength(0);
    expect(rig.source.sent.map((s) => s.alert)).toEqual([sheffield]);
  });
});
