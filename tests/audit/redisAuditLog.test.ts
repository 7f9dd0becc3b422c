import { CorruptAuditEntryError } from '../../src/audit/auditErrors';
import { RedisAuditLog } from '../../src/audit/redisAuditLog';
import { useRedisFixture } from '../helpers/redis';
import { describeAuditLogContract, entry } from './auditLogContract';

const redis = useRedisFixture();

async function makeLog(): Promise<RedisAuditLog> {
  const { client, prefix } = await redis.open();
  return new RedisAuditLog(client, prefix);
}

const teardown = () => redis.teardown();

describeAuditLogContract('RedisAuditLog', makeLog, teardown);

describe('RedisAuditLog in Redis', () => {
  afterEach(teardown);

  it('writes every entry to the audit stream, and those about a concern to its list too', async () => {
    const log = await makeLog();
    await log.append(entry(0));
    await log.append(entry(1, { ref: null, action: 'sign-out' }));
    const stream = await redis.helper.client.xRange(`${redis.prefix}audit`, '-', '+');
    expect((stream ?? []).map((e) => JSON.parse(e.message.entry ?? ''))).toEqual([entry(0), entry(1, { ref: null, action: 'sign-out' })]);
    expect((await redis.helper.client.lRange(`${redis.prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C`, 0, -1)).map((raw) => JSON.parse(raw))).toEqual([entry(0)]);
  });

  it('throws CorruptAuditEntryError naming where, not what, for a stored entry that does not match', async () => {
    const log = await makeLog();
    await redis.helper.client.rPush(`${redis.prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C`, JSON.stringify({ ...entry(0), detail: { note: 'Zebra secret' }, extra: 1 }));
    await redis.helper.client.xAdd(`${redis.prefix}audit`, '*', { other: 'field' });
    await expect(log.forRef('K7PM-3XQ9-RT4W-HN2C')).rejects.toThrow(new CorruptAuditEntryError(`${redis.prefix}audit:ref:K7PM-3XQ9-RT4W-HN2C[0]: does not match the audit schema ((root): unrecognized_keys)`));
    await expect(log.recent(1)).rejects.toThrow(/no entry field/);
  });
});
