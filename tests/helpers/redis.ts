import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';

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

export type TestRedis = Awaited<ReturnType<typeof connectTestRedis>>;

/** Store tests' Redis: the test's own client, and for each store an app-style client under a fresh prefix. */
export interface RedisFixture {
  /** The test's own client, for raw reads and scans. */
  readonly helper: TestRedis;
  /** The prefix and client of the store opened last. */
  readonly prefix: string;
  readonly client: RedisClient;
  /** A connected client like the service's (no offline queue) and a prefix no other test shares. */
  open(): Promise<{ client: RedisClient; prefix: string }>;
  /** Removes the last store's keys and closes its client. */
  teardown(): Promise<void>;
}

/** Registers beforeAll/afterAll for the test's own client and returns the fixture. */
export function useRedisFixture(): RedisFixture {
  let helper: TestRedis | undefined;
  let client: RedisClient | undefined;
  let prefix = '';
  beforeAll(async () => {
    helper = await connectTestRedis();
  });
  afterAll(async () => {
    await helper?.close();
  });
  return {
    get helper() {
      if (!helper) throw new Error('useRedisFixture: used outside a test');
      return helper;
    },
    get prefix() {
      return prefix;
    },
    get client() {
      if (!client) throw new Error('useRedisFixture: no store opened yet');
      return client;
    },
    async open() {
      prefix = uniquePrefix();
      client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
      await client.connect();
      return { client, prefix };
    },
    async teardown() {
      if (prefix) await helper?.clean(prefix);
      if (client?.isOpen) await client.close();
    },
  };
}
