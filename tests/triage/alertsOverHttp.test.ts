import { AgencyDirectory } from '../../src/concerns/agencies';
import { defaultContentDir } from '../../src/content/contentDir';
import { messageActivity } from '../helpers/activities';
import { startTriageApp, type TriageTestApp } from '../helpers/triageApp';
import { WebhookReceiver } from '../helpers/webhookReceiver';

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface ReadyBody {
  status: string;
  details: { alerts: { healthy: boolean; failing: number; delivered: number; lastError: string | null } };
}

describe('duty channel alerts from the running service', () => {
  let receiver: WebhookReceiver;
  let t: TriageTestApp;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await t.stop();
    await receiver.close();
  });

  const start = (webhooks: Record<string, string>) =>
    startTriageApp({ ALERT_WEBHOOKS: JSON.stringify(webhooks), ALERT_POLL_SECONDS: '1' });
  const ready = async () => (await (await fetch(`${t.url}/readyz`)).json()) as ReadyBody;

  it('announces a new urgent concern and an overdue one with the reference, agency and urgency only, once each', async () => {
    t = await start({ 'barnsley-front-door': receiver.url() });
    const urgent = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'] });
    const overdue = await t.seedConcern({ receivedAt: ago(10 * 24 * HOUR) });
    const elsewhere = await t.seedConcern({ urgent: true, agency: 'sheffield-safeguarding-hub', area: 'sheffield' });
    await receiver.waitFor(2, 5000);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as Record<string, string>);
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: urgent.ref, agency: 'barnsley-front-door', urgency: 'urgent' }),
        expect.objectContaining({ ref: overdue.ref, agency: 'barnsley-front-door', urgency: 'overdue' }),
      ]),
    );
    for (const body of bodies) expect(Object.keys(body).sort()).toEqual(['agency', 'ref', 'text', 'urgency']);
    const all = receiver.received.map((r) => r.body).join('\n');
    for (const concern of [urgent, overdue]) expect(all).not.toContain(concern.answers.worry!);
    expect(all).not.toContain(elsewhere.ref); // Sheffield has no webhook configured
    // Recorded on each concern once the webhook said 200 (just after the post arrived).
    await waitUntil(async () => Boolean((await t.store.get(urgent.ref))?.triage.alerts.urgent));
    await waitUntil(async () => Boolean((await t.store.get(overdue.ref))?.triage.alerts.overdue));
    // Marked as sent: later polls send nothing again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(receiver.received).toHaveLength(2);
    expect((await ready()).details.alerts).toMatchObject({ healthy: true, failing: 0, delivered: 2 });
  });

  it('warns at start-up, by agency, when urgent concerns have nowhere to alert, and not when every agency has a webhook', async () => {
    t = await start({ 'barnsley-front-door': receiver.url() });
    const warning = t.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code === 'ALERTS_NOT_CONFIGURED');
    expect(warning).toMatchObject({ level: 40 });
    expect(warning?.agencies).toContain('sheffield-safeguarding-hub');
    expect(warning?.agencies).not.toContain('barnsley-front-door');
    expect(t.logs.text).not.toContain(receiver.url());
    await t.stop();
    const all = Object.fromEntries(AgencyDirectory.load(defaultContentDir()).all().map((a) => [a.id, receiver.url()]));
    t = await start(all);
    expect(t.logs.text).not.toContain('ALERTS_NOT_CONFIGURED');
  });

  it('alerts at once for an urgent report made in the chat, without the reporter waiting for it', async () => {
    t = await startTriageApp({ ALERT_WEBHOOKS: JSON.stringify({ 'sheffield-safeguarding-hub': receiver.url() }), ALERT_POLL_SECONDS: '3600' });
    receiver.answer('hang'); // a webhook that never answers must not hold the reporter up
    const conversationId = 'urgent-reporter';
    const send = (text: string) =>
      fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity(text, { conversationId })),
      }).then((r) => r.json() as Promise<{ activities: Array<{ text?: string }> }>);
    const steps = ['hi', 'Report a concern', 'Start a report', 'child', 'My son is being made to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'Yes', 'skip', 'skip', 'skip', 'Stay anonymous'];
    for (const text of steps) await send(text);
    const sent = (await send('Send it')).activities.map((a) => a.text ?? '').join('\n');
    // Had the reply waited for the webhook, the post would have timed out (5 s) and counted as failing by now.
    expect((await ready()).details.alerts).toMatchObject({ failing: 0, delivered: 0 });
    const ref = /[0-9A-Z]{4}(-[0-9A-Z]{4}){3}/.exec(sent)?.[0];
    expect(ref).toBeDefined();
    // The poll is an hour away: only the poke on submit can have sent this.
    await receiver.waitFor(1, 2000);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ ref, agency: 'sheffield-safeguarding-hub', urgency: 'urgent' });
  });

  it('alerts at once, as for a new urgent report, when a reporter comes back and adds danger to an ordinary one', async () => {
    t = await startTriageApp({ ALERT_WEBHOOKS: JSON.stringify({ 'sheffield-safeguarding-hub': receiver.url() }), ALERT_POLL_SECONDS: '3600' });
    const concern = await t.seedConcern({ agency: 'sheffield-safeguarding-hub', area: 'sheffield' });
    const send = (text: string) =>
      fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity(text, { conversationId: 'returning-reporter' })),
      }).then((r) => r.json() as Promise<{ activities: Array<{ text?: string }> }>);
    await send('hi');
    await send(concern.ref);
    const said = (await send('they came back tonight and one of them has a gun, my son is with them now')).activities.map((a) => a.text ?? '').join('\n');
    expect(said).toMatch(/ring 999/);
    // The poll is an hour away: only the poke on the urgent addition can have sent this.
    await receiver.waitFor(1, 2000);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ ref: concern.ref, agency: 'sheffield-safeguarding-hub', urgency: 'urgent' });
    expect(await t.store.get(concern.ref)).toMatchObject({ urgent: true, urgentReasons: ['danger-added-later'] });
  });

  it('retries a failing webhook with backoff, shows the failure on /readyz details and in the logs, and recovers', async () => {
    receiver.answer({ status: 500 }, { status: 500 });
    t = await start({ 'barnsley-front-door': receiver.url() });
    const concern = await t.seedConcern({ urgent: true, urgentReasons: ['safety-check'] });
    await receiver.waitFor(1, 5000);
    const failing = await ready();
    expect(failing.status).toBe('ready'); // a duty channel being down does not take the bot away from reporters
    expect(failing.details.alerts.healthy).toBe(false);
    expect(failing.details.alerts.failing).toBe(1);
    await receiver.waitFor(3, 10_000);
    const times = receiver.received.map((r) => r.at);
    expect(times[2]! - times[1]!).toBeGreaterThan(0);
    expect(receiver.received.every((r) => JSON.parse(r.body).ref === concern.ref)).toBe(true);
    await waitUntil(async () => (await ready()).details.alerts.healthy);
    expect((await ready()).details.alerts).toMatchObject({ healthy: true, failing: 0 });
    expect(t.logs.text).toContain('ALERT_DELIVERY_FAILED');
    expect(t.logs.text).not.toContain(receiver.url());
    expect(t.logs.text).not.toContain('receiversecret');
    expect(t.logs.text).not.toContain(concern.ref);
  });
});
