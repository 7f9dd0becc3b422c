import { RedisApiTokenStore } from '../../src/staff/redisApiTokenStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { useRedisFixture } from '../helpers/redis';
import { describeApiTokenStoreContract, sampleRecord } from './apiTokenStoreContract';

const redis = useRedisFixture();

async function makeStore(): Promise<RedisApiTokenStore> {
  const { client, prefix } = await redis.open();
  return new RedisApiTokenStore(client, prefix);
}

const teardown = () => redis.teardown();

describeApiTokenStoreContract('RedisApiTokenStore', makeStore, teardown);

describe('RedisApiTokenStore keys', () => {
  let store: RedisApiTokenStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps each token as a hash at apitoken:{id} (the secret\u2019s hash, never the secret) and its id in apitokens:{staffId}', async () => {
    const record = sampleRecord();
    await store.add(record);
    expect(await redis.helper.client.sMembers(`${redis.prefix}apitokens:jo-bloggs-7k2p`)).toEqual(['k7pm3xq9rt4w']);
    const { lastUsedDay, revokedAt, ...set } = record.token;
    expect([lastUsedDay, revokedAt]).toEqual([null, null]);
    expect(await redis.helper.client.hGetAll(`${redis.prefix}apitoken:k7pm3xq9rt4w`)).toEqual({ ...set, secretHash: record.secretHash });
    const keys: string[] = [];
    for await (const batch of redis.helper.client.scanIterator({ MATCH: `${redis.prefix}*` })) keys.push(...batch);
    expect(keys.sort()).toEqual([`${redis.prefix}apitoken:k7pm3xq9rt4w`, `${redis.prefix}apitokens:jo-bloggs-7k2p`]);
  });

  it('throws CorruptStaffError naming the key and fields, not the content, for a hash that does not parse', async () => {
    await store.add(sampleRecord());
    await redis.helper.client.hSet(`${redis.prefix}apitoken:k7pm3xq9rt4w`, { expiresAt: 'Zebra', extra: 'x' });
    await expect(store.get('k7pm3xq9rt4w')).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(store.listFor('jo-bloggs-7k2p')).rejects.toThrow(new RegExp(`^${redis.prefix}apitoken:k7pm3xq9rt4w: does not match the schema`));
    await expect(store.get('k7pm3xq9rt4w')).rejects.not.toThrow(/Zebra/);
  });
});
