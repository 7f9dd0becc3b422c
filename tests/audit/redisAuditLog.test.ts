import { CorruptAuditEntryError } from '../../src/audit/auditErrors';
import { RedisAuditLog } from '../../src/audit/redisAuditLog';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { describeAuditLogContract, entry } from './auditLogContract';

let helper: Awaited<ReturnType<typeof connectTestRedis>>;
let client: RedisClient;
let prefix: string;

beforeAll(async () => {
  helper = await connectTestRedis();
});
afterAll(async () => {
  await helper.close();
});

async function makeLog(): Promise<RedisAuditLog> {
  prefix = uniquePrefix();
  client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  await client.connect();
  return new RedisAuditLog(client, prefix);
}

async function teardown(): Promise<void> {
  await helper.clean(prefix);
  if (client.isOpen) await client.close();
}

describeAuditLogContract('RedisAuditLog', makeLog, teardown);

describe('RedisAuditLog in Redis', () => {
  afterEach(teardown);

  it('writes every entry to the audit stream, and those about a concern to its list too', async () => {
    const log = await makeLog();
    await log.append(entry(0));
    await log.append(entry(1, { ref: null, action: 'sign-out' }));
    const stream = await helper.client.xRange(`${prefix}audit`, '-', '+');
    expect((stream ?? []).map((e) => JSON.parse(e.message.entry ?? ''))).toEqual([entry(0), entry(1, { ref: null, action: 'sign-out' })]);
    expect((await helper.client.lRange(`${prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C`, 0, -1)).map((raw) => JSON.parse(raw))).toEqual([entry(0)]);
  });

  it('throws CorruptAuditEntryError naming where, not what, for a stored entry that does not match', async () => {
    const log = await makeLog();
    await helper.client.rPush(`${prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C`, JSON.stringify({ ...entry(0), detail: { note: 'Zebra secret' }, extra: 1 }));
    await helper.client.xAdd(`${prefix}audit`, '*', { other: 'field' });
    await expect(log.forRef('K7PM-3XQ9-RT4W-HN2C')).rejects.toThrow(new CorruptAuditEntryError(`${prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C[0]: does not match the audit schema ((root): unrecognized_keys)`));
    await expect(log.recent(1)).rejects.toThrow(/no entry field/);
  });
});
