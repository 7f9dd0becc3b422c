import { RedisSessionStore } from '../../src/staff/redisSessionStore';
import { tokenHash } from '../../src/staff/sessionStore';
import { useRedisFixture } from '../helpers/redis';
import { describeSessionStoreContract, TIMEOUTS } from './sessionStoreContract';

const redis = useRedisFixture();

async function makeStore(timeouts = TIMEOUTS): Promise<RedisSessionStore> {
  const { client, prefix } = await redis.open();
  return new RedisSessionStore(client, prefix, timeouts);
}

const teardown = () => redis.teardown();

/** Every key under the prefix with its value (strings, set members), as one text. */
async function dump(): Promise<string> {
  const parts: string[] = [];
  for await (const keys of redis.helper.client.scanIterator({ MATCH: `${redis.prefix}*` })) {
    for (const key of keys) {
      const type = await redis.helper.client.type(key);
      const value = type === 'set' ? (await redis.helper.client.sMembers(key)).join(',') : await redis.helper.client.get(key);
      parts.push(`${key}=${value}`);
    }
  }
  return parts.join('\n');
}

describeSessionStoreContract('RedisSessionStore', () => makeStore(), teardown);

describe('RedisSessionStore in Redis', () => {
  let store: RedisSessionStore;
  afterEach(teardown);

  it('never stores the token: only its SHA-256, as session:{hash} and in sessions:{staffId}', async () => {
    store = await makeStore();
    const { token, session } = await store.create('a-person', new Date());
    await store.get(token, new Date());
    const stored = await dump();
    expect(stored).not.toContain(token);
    expect(stored).toContain(`${redis.prefix}session:${tokenHash(token)}=`);
    expect(await redis.helper.client.sMembers(`${redis.prefix}sessions:a-person`)).toEqual([tokenHash(token)]);
    // The CSRF token is stored (the console checks it), but is no key to the session.
    expect(await store.get(session.csrfToken, new Date())).toBeUndefined();
  });

  it('lets Redis expire the session after the idle time, and every get moves that on', async () => {
    store = await makeStore({ idleMs: 60_000, absoluteMs: 3_600_000 });
    const { token } = await store.create('a-person', new Date());
    const key = `${redis.prefix}session:${tokenHash(token)}`;
    const ttl = await redis.helper.client.pTTL(key);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await redis.helper.client.pExpire(key, 5_000);
    await store.get(token, new Date());
    expect(await redis.helper.client.pTTL(key)).toBeGreaterThan(55_000);
  });

  it('never lets the idle expiry run past the absolute limit', async () => {
    store = await makeStore({ idleMs: 60_000, absoluteMs: 90_000 });
    const created = new Date();
    const { token } = await store.create('a-person', created);
    await store.get(token, new Date(created.getTime() + 50_000));
    expect(await redis.helper.client.pTTL(`${redis.prefix}session:${tokenHash(token)}`)).toBeLessThanOrEqual(40_000);
  });

  it('removes an expired session and its set entry when it is read', async () => {
    store = await makeStore();
    const created = new Date('2025-03-01T09:00:00.000Z');
    const { token } = await store.create('a-person', created);
    expect(await store.get(token, new Date(created.getTime() + TIMEOUTS.idleMs + 1))).toBeUndefined();
    expect(await dump()).toBe('');
  });
});
