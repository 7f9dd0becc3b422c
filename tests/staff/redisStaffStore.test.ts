import { createLogger } from '../../src/logging/logger';
import { RedisStaffStore } from '../../src/staff/redisStaffStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { describeStaffStoreContract, sampleAccount } from './staffStoreContract';

let helper: Awaited<ReturnType<typeof connectTestRedis>>;
let client: RedisClient;
let prefix: string;

beforeAll(async () => {
  helper = await connectTestRedis();
});
afterAll(async () => {
  await helper.close();
});

async function makeStore(): Promise<RedisStaffStore> {
  prefix = uniquePrefix();
  client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  await client.connect();
  return new RedisStaffStore(client, prefix);
}

async function teardown(): Promise<void> {
  await helper.clean(prefix);
  if (client.isOpen) await client.close();
}

describeStaffStoreContract('RedisStaffStore', makeStore, teardown);

describe('RedisStaffStore keys', () => {
  let store: RedisStaffStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps each account at staff:{id} and its id in the staff set', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    expect(await helper.client.sMembers(`${prefix}staff`)).toEqual(['jo-bloggs-7k2p']);
    expect(JSON.parse((await helper.client.get(`${prefix}staff:jo-bloggs-7k2p`)) ?? '')).toEqual({ account: sampleAccount(), passwordHash: 'scrypt$x' });
  });

  it('throws CorruptStaffError naming the key, not the content, for a document that does not parse', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    await helper.client.set(`${prefix}staff:jo-bloggs-7k2p`, JSON.stringify({ account: { id: 'jo-bloggs-7k2p', secret: 'Zebra' }, passwordHash: 'x' }));
    await expect(store.get('jo-bloggs-7k2p')).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(store.list()).rejects.toThrow(new CorruptStaffError(`${prefix}staff:jo-bloggs-7k2p: does not match the schema (account.agency; account.name; account.role; account.createdAt; account.disabledAt; account)`));
  });
});
