import { messageActivity } from '../helpers/activities';
import { freePort } from '../helpers/freePort';
import { TEST_REDIS_URL } from '../helpers/redis';
import { startTestApp, textsOf } from '../helpers/testApp';



/** No webhooks configured: nothing delivered, nothing failing. */
const NO_ALERTS = { healthy: true, failing: 0, delivered: 0, lastFailureAt: null, lastError: null };
describe('health', () => {
  it('/healthz says alive; /readyz says ready on the embedded default', async () => {
    const t = await startTestApp();
    try {
      expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { sqlite: true }, details: { alerts: NO_ALERTS } });
    } finally {
      await t.stop();
    }
  });

  it('/readyz is ready when Redis answers', async () => {
    const t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: 'clearsight-test:ready:' });
    try {
      let res = await fetch(`${t.url}/readyz`);
      for (let i = 0; i < 20 && res.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await fetch(`${t.url}/readyz`);
      }
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready', checks: { redis: true }, details: { alerts: NO_ALERTS } });
    } finally {
      await t.stop();
    }
  });

  it('/readyz is 503 while Redis is unreachable, and a turn fails calmly instead of crashing', async () => {
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const res = await fetch(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not_ready', checks: { redis: false }, details: { alerts: NO_ALERTS } });

      const replies = await t.send(messageActivity('hi'));
      // Nothing could be cleared either, so it does not claim to have cleared anything.
      expect(textsOf(replies)).toMatch(/trouble on our side[\s\S]*ring 999/i);
      expect(textsOf(replies)).not.toMatch(/cleared/);
      expect(t.logs.text).toMatch(/"code":"TURN_FAILED"/);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
