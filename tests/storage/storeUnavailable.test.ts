import { createLogger } from '../../src/logging/logger';
import { createRedisClient } from '../../src/storage/redisClient';
import { isStoreUnavailable } from '../../src/storage/storeUnavailable';
import { freePort } from '../helpers/freePort';
import { RedisServer } from '../helpers/redisServer';

let redis: RedisServer | undefined;
afterAll(async () => {
  await redis?.stop();
});

describe('telling "a store cannot be reached" from a fault', () => {
  it('recognises what node-redis throws for a command on a connection to a Redis that is down', async () => {
    const client = createRedisClient(`redis://127.0.0.1:${await freePort()}`, createLogger('silent'));
    // Nothing listens on the port: connecting keeps retrying, and commands fail at once (no offline queue).
    void client.connect().catch(() => undefined);
    try {
      const err = await client.get('x').then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(isStoreUnavailable(err)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('recognises a command cut off by Redis dying under it, and not Redis refusing a bad command', async () => {
    redis = await RedisServer.start();
    const client = createRedisClient(redis.url, createLogger('silent'));
    await client.connect();
    try {
      const wrongType = await client
        .set('k', 'v')
        .then(() => client.lPush('k', 'x'))
        .then(() => undefined, (e: unknown) => e);
      expect(wrongType).toBeInstanceOf(Error);
      expect(isStoreUnavailable(wrongType)).toBe(false); // WRONGTYPE: a fault in the code, a 500
      const blocked = client.blPop('never', 10).then(() => undefined, (e: unknown) => e);
      await redis.kill();
      const err = await blocked;
      // Sometimes node-redis's SocketClosedUnexpectedlyError, sometimes the socket's own ECONNRESET (an error from
      // Node's realm, not the test's: not `instanceof Error` here).
      expect(isStoreUnavailable(err)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('recognises the embedded database locked past its wait, and nothing else', () => {
    expect(isStoreUnavailable(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('constraint failed'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isStoreUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreUnavailable('a string')).toBe(false);
    expect(isStoreUnavailable(null)).toBe(false);
    expect(isStoreUnavailable({ code: 'ECONNRESET', errno: -104, syscall: 'read' })).toBe(true); // as it comes from another realm
  });
});
