import { messageActivity } from '../helpers/activities';
import { contentWith, type ContentCopy } from '../helpers/contentWith';
import { startTriageApp, type TriageTestApp } from '../helpers/triageApp';
import { WebhookReceiver } from '../helpers/webhookReceiver';
import { TestClock } from '../alerts/dispatcherSetup';

const CONTACT = '07700 900123';
const MONDAY_EVENING = Date.parse('2025-03-03T18:00:00Z');
const MONDAY_MORNING = Date.parse('2025-03-03T10:00:00Z');

/** content/agencies.yaml with an out-of-hours route for `agency`: urgent alerts to `webhook` outside 08:30–17:00 on working days. */
function withOutOfHours(agency: string, webhook = 'emergency-duty-team'): ContentCopy {
  return contentWith({
    'agencies.yaml': (yaml) => {
      const at = new RegExp(`(  - id: ${agency}\\n(?:    .*\\n)*?    kind: .*\\n)`);
      if (!at.test(yaml)) throw new Error(`no agency ${agency} in agencies.yaml`);
      return yaml.replace(at, `$1    outOfHours:\n      alert: ${webhook}\n      hours: { opens: "08:30", closes: "17:00" }\n`);
    },
  });
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Teams cards and out-of-hours routes from the running service', () => {
  let own: WebhookReceiver;
  let other: WebhookReceiver;
  let t: TriageTestApp | undefined;
  let content: ContentCopy | undefined;
  beforeEach(async () => {
    own = await WebhookReceiver.start();
    other = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    content?.remove();
    content = undefined;
    await own.close();
    await other.close();
  });

  it('posts a Teams webhook an Adaptive Card, and a Slack one the {text} message as before: reference and agency only', async () => {
    t = await startTriageApp({
      ALERT_WEBHOOKS: JSON.stringify({
        'barnsley-front-door': { url: own.url('T1/B1/teamssecret'), format: 'teams' },
        'sheffield-safeguarding-hub': other.url(),
      }),
      ALERT_POLL_SECONDS: '1',
    });
    const reporter = { mode: 'contact' as const, how: `ring me on ${CONTACT}`, consent: { wording: 'Yes, you can contact me', at: new Date().toISOString() } };
    const barnsley = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'], reporter });
    const sheffield = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'], agency: 'sheffield-safeguarding-hub', area: 'sheffield', reporter });
    await own.waitFor(1, 5000);
    await other.waitFor(1, 5000);

    expect(own.received[0]).toMatchObject({ method: 'POST', contentType: 'application/json' });
    expect(JSON.parse(own.received[0]!.body)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: 'Clearsight: new URGENT concern', wrap: true, size: 'Large', weight: 'Bolder' },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Reference', value: barnsley.ref },
                  { title: 'Agency', value: 'barnsley-front-door' },
                ],
              },
              { type: 'TextBlock', text: 'Open the triage console.', wrap: true },
            ],
          },
        },
      ],
    });
    expect(JSON.parse(other.received[0]!.body)).toEqual({
      text: `Clearsight: new URGENT concern ${sheffield.ref} for sheffield-safeguarding-hub. Open the triage console.`,
      ref: sheffield.ref,
      agency: 'sheffield-safeguarding-hub',
      urgency: 'urgent',
    });
    const everything = [...own.received, ...other.received].map((r) => r.body).join('\n');
    for (const said of [barnsley.answers.worry!, barnsley.answers.whoAtRisk!, barnsley.answers.place!, CONTACT, 'ring me']) expect(everything).not.toContain(said);
    await waitUntil(async () => Boolean((await t!.store.get(barnsley.ref))?.triage.alerts.urgent));
    expect(t.logs.text).not.toContain('teamssecret');
    expect(t.logs.text).not.toContain(own.origin);
  });

  it('out of hours, sends an urgent concern to the agency’s out-of-hours route as well as its own webhook', async () => {
    content = withOutOfHours('barnsley-front-door');
    const clock = new TestClock();
    clock.ms = MONDAY_EVENING;
    t = await startTriageApp(
      {
        ALERT_WEBHOOKS: JSON.stringify({ 'barnsley-front-door': own.url(), 'emergency-duty-team': { url: other.url('T9/B9/edtsecret'), format: 'teams' } }),
        ALERT_POLL_SECONDS: '1',
      },
      { contentDir: content.dir, now: clock.now },
    );
    const concern = await t.seedConcern({ urgent: true, urgentReasons: ['safety-check'] });
    await own.waitFor(1, 5000);
    await other.waitFor(1, 5000);
    expect(JSON.parse(own.received[0]!.body)).toMatchObject({ ref: concern.ref, agency: 'barnsley-front-door', urgency: 'urgent' });
    const card = JSON.parse(other.received[0]!.body) as { attachments: Array<{ content: { body: Array<{ facts?: Array<{ value: string }> }> } }> };
    expect(card.attachments[0]!.content.body[1]!.facts!.map((f) => f.value)).toEqual([concern.ref, 'barnsley-front-door']);
    expect(other.received[0]!.path).toBe('/services/T9/B9/edtsecret');
    await waitUntil(async () => Boolean((await t!.store.get(concern.ref))?.triage.alerts.urgent));
    // Recorded once: later polls send nothing again, to either.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect([own.received.length, other.received.length]).toEqual([1, 1]);
    expect(t.logs.text).not.toContain('edtsecret');
  });

  it('in working hours, sends an urgent concern to the agency’s own webhook only', async () => {
    content = withOutOfHours('barnsley-front-door');
    const clock = new TestClock();
    clock.ms = MONDAY_MORNING;
    t = await startTriageApp(
      { ALERT_WEBHOOKS: JSON.stringify({ 'barnsley-front-door': own.url(), 'emergency-duty-team': other.url() }), ALERT_POLL_SECONDS: '1' },
      { contentDir: content.dir, now: clock.now },
    );
    const concern = await t.seedConcern({ urgent: true, urgentReasons: ['safety-check'] });
    await own.waitFor(1, 5000);
    await waitUntil(async () => Boolean((await t!.store.get(concern.ref))?.triage.alerts.urgent));
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(own.received).toHaveLength(1);
    expect(other.received).toHaveLength(0);
  });

  it('refuses to start when a route names a webhook ALERT_WEBHOOKS does not hold, or a webhook is for no agency or route, never quoting a URL', async () => {
    content = withOutOfHours('barnsley-front-door');
    const webhooks = { 'barnsley-front-door': own.url('T1/B1/startsecret') };
    await expect(startTriageApp({ ALERT_WEBHOOKS: JSON.stringify(webhooks) }, { contentDir: content.dir })).rejects.toThrow(
      "content/agencies.yaml: barnsley-front-door's outOfHours.alert names emergency-duty-team, which ALERT_WEBHOOKS does not hold",
    );
    const typo = { ...webhooks, 'emergency-duty-team': own.url('T1/B1/startsecret'), 'emergency-duty-tem': own.url('T1/B1/startsecret') };
    const refused = startTriageApp({ ALERT_WEBHOOKS: JSON.stringify(typo) }, { contentDir: content.dir });
    await expect(refused).rejects.toThrow('ALERT_WEBHOOKS names unknown agency emergency-duty-tem');
    await expect(refused).rejects.not.toThrow(/startsecret|127\.0\.0\.1/);
  });

  it('warns at start-up of agencies whose urgent concerns alert nobody out of hours, counting out-of-hours routes', async () => {
    content = withOutOfHours('sheffield-safeguarding-hub');
    t = await startTriageApp(
      { ALERT_WEBHOOKS: JSON.stringify({ 'barnsley-front-door': own.url(), 'emergency-duty-team': other.url() }) },
      { contentDir: content.dir },
    );
    const warning = t.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code === 'ALERTS_NOT_CONFIGURED');
    expect(warning).toMatchObject({ level: 40 });
    // Sheffield: its own channel is unset, so nobody in working hours; out of hours its route answers.
    expect(warning?.agencies).toEqual(expect.arrayContaining(['sheffield-safeguarding-hub', 'doncaster-front-door']));
    expect(warning?.agencies).not.toContain('barnsley-front-door');
    expect(warning?.outOfHours).toContain('doncaster-front-door');
    expect(warning?.outOfHours).not.toContain('sheffield-safeguarding-hub');
    expect(warning?.outOfHours).not.toContain('barnsley-front-door');
    expect(t.logs.text).not.toContain(other.origin);
  });

  it('tells the emergency duty team at once when a reporter adds danger to a concern in the chat out of hours', async () => {
    content = withOutOfHours('sheffield-safeguarding-hub');
    const clock = new TestClock();
    clock.ms = MONDAY_EVENING;
    t = await startTriageApp(
      { ALERT_WEBHOOKS: JSON.stringify({ 'emergency-duty-team': { url: other.url(), format: 'teams' } }), ALERT_POLL_SECONDS: '3600' },
      { contentDir: content.dir, now: clock.now },
    );
    const send = (text: string) =>
      fetch(`${t!.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity(text, { conversationId: 'urgent-at-night' })),
      });
    // An ordinary concern made urgent by what the reporter adds: the poll is an hour away, so only the poke can send it.
    const concern = await t.seedConcern({ agency: 'sheffield-safeguarding-hub', area: 'sheffield' });
    await send('hi');
    await send(concern.ref);
    await send('they came back tonight and one of them has a gun, my son is with them now');
    await other.waitFor(1, 3000);
    expect(JSON.stringify(JSON.parse(other.received[0]!.body))).toContain(concern.ref);
    expect(other.received[0]!.body).not.toContain('gun');
    expect(await t.store.get(concern.ref)).toMatchObject({ urgent: true });
  });
});
