import { RedisStaffStore } from '../../src/staff/redisStaffStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { useRedisFixture } from '../helpers/redis';
import { describeStaffStoreContract, sampleAccount } from './staffStoreContract';

const redis = useRedisFixture();

async function makeStore(): Promise<RedisStaffStore> {
  const { client, prefix } = await redis.open();
  return new RedisStaffStore(client, prefix);
}

const teardown = () => redis.teardown();

describeStaffStoreContract('RedisStaffStore', makeStore, teardown);

describe('RedisStaffStore keys', () => {
  let store: RedisStaffStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps each account at staff:{id} and its id in the staff set', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    expect(await redis.helper.client.sMembers(`${redis.prefix}staff`)).toEqual(['jo-bloggs-7k2p']);
    expect(JSON.parse((await redis.helper.client.get(`${redis.prefix}staff:jo-bloggs-7k2p`)) ?? '')).toEqual({ account: sampleAccount(), passwordHash: 'scrypt$x' });
  });

  it('throws CorruptStaffError naming the key, not the content, for a document that does not parse', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    await redis.helper.client.set(`${redis.prefix}staff:jo-bloggs-7k2p`, JSON.stringify({ account: { id: 'jo-bloggs-7k2p', secret: 'Zebra' }, passwordHash: 'x' }));
    await expect(store.get('jo-bloggs-7k2p')).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(store.list()).rejects.toThrow(new CorruptStaffError(`${redis.prefix}staff:jo-bloggs-7k2p: does not match the schema (account.agency; account.name; account.role; account.createdAt; account.disabledAt; account)`));
  });
});
