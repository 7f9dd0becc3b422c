import { messageActivity } from './helpers/activities';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from './helpers/redis';
import { startTestApp, textsOf } from './helpers/testApp';

describe('graceful shutdown', () => {
  it('finishes a turn in flight, reports shutting down, then refuses new connections and closes Redis', async () => {
    const prefix = uniquePrefix();
    const redis = await connectTestRedis();
    const t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      await t.send(messageActivity('hi')); // connected and warmed up

      // Hold the next turn in flight: Redis answers nobody for 600 ms.
      await redis.client.sendCommand(['CLIENT', 'PAUSE', '600', 'ALL']);
      const inFlight = t.send(messageActivity('Get help now'));
      await new Promise((r) => setTimeout(r, 100));
      const stopped = t.stop();
      const ready = await fetch(`${t.url}/readyz`).catch(() => undefined);
      if (ready) expect(ready.status).toBe(503);

      expect(textsOf(await inFlight)).toMatch(/999/);
      await stopped;
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    } finally {
      await redis.clean(prefix);
      await redis.close();
    }
  });
});
