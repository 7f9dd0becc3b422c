import { alertMessage } from '../../src/alerts/alertMessage';
import { postWebhook } from '../../src/alerts/webhookPost';
import { freePort } from '../helpers/freePort';
import { WebhookReceiver } from '../helpers/webhookReceiver';

const message = alertMessage({ kind: 'urgent', ref: 'ABCD-EFGH-JKLM-NPQR', agency: 'barnsley-front-door' });

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await WebhookReceiver.start();
});
afterEach(async () => {
  await receiver.close();
});

describe('postWebhook', () => {
  it('POSTs the message as JSON and reports a 2xx as delivered', async () => {
    expect(await postWebhook(fetch, receiver.url(), message, 1000, Date.now())).toEqual({ ok: true, status: 200 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ method: 'POST', path: '/services/T0000/B0000/receiversecret', contentType: 'application/json' });
    expect(JSON.parse(receiver.received[0]!.body)).toEqual(message);
  });

  it('reports a non-2xx by status, with the wait a 429 asks for', async () => {
    receiver.answer({ status: 500 }, { status: 429, headers: { 'retry-after': '7' } });
    expect(await postWebhook(fetch, receiver.url(), message, 1000, Date.now())).toEqual({ ok: false, status: 500, reason: 'HTTP 500' });
    expect(await postWebhook(fetch, receiver.url(), message, 1000, Date.now())).toEqual({ ok: false, status: 429, reason: 'HTTP 429', retryAfterMs: 7000 });
  });

  it('does not follow a redirect: an incoming webhook never sends one', async () => {
    receiver.answer({ status: 302, headers: { location: `${receiver.origin}/elsewhere` } });
    expect(await postWebhook(fetch, receiver.url(), message, 1000, Date.now())).toEqual({ ok: false, status: 302, reason: 'HTTP 302' });
    expect(receiver.received.map((r) => r.path)).toEqual(['/services/T0000/B0000/receiversecret']);
  });

  it('gives up after the timeout when the webhook never answers', async () => {
    receiver.answer('hang');
    const started = performance.now();
    expect(await postWebhook(fetch, receiver.url(), message, 100, Date.now())).toEqual({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection by its code, not its message (which names the host)', async () => {
    const port = await freePort();
    expect(await postWebhook(fetch, `http://127.0.0.1:${port}/hook`, message, 1000, Date.now())).toEqual({ ok: false, reason: 'ECONNREFUSED' });
  });
});
