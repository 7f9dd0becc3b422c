import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** The real Redis the integration tests use (CI makes sure one answers). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test shares, so tests never see each other's keys. */
export function uniquePrefix(): string {
  return `clearsight-test:${randomBytes(6).toString('hex')}:`;
}

/** A connected client for the test itself, with a helper that removes every key under a prefix. */
export async function connectTestRedis() {
  const client = createClient({ url: TEST_REDIS_URL });
  client.on('error', () => undefined);
  await client.connect();
  return {
    client,
    async clean(prefix: string): Promise<void> {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
        if (keys.length > 0) await client.del(keys);
      }
    },
    async close(): Promise<void> {
      await client.close();
    },
  };
}
