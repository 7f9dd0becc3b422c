import { LuaScript } from '../concerns/concernScripts';
import type { RedisClient } from '../storage/redisClient';
import { STAFF_ID, type StaffAccount } from './staffAccount';
import {
  byAgencyThenId,
  disabled,
  parseStored,
  StaffExistsError,
  staffRecordSchema,
  validRecord,
  type StaffRecord,
  type StaffStore,
} from './staffStore';

/** KEYS: account, index. ARGV: JSON, id. 1 when stored, 0 when the id is taken. */
const ADD = new LuaScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('SADD', KEYS[2], ARGV[2])
return 1
`);

/** KEYS: account. ARGV: JSON read, new JSON. 1 written, 0 changed since read, -1 gone. */
const REPLACE = new LuaScript(`
local stored = redis.call('GET', KEYS[1])
if not stored then return -1 end
if stored ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`);

const MAX_ATTEMPTS = 20;

/**
 * Staff accounts in Redis, under a key prefix: `staff:{id}` the record as JSON, `staff` the set of ids.
 * Every document read back is parsed by the schema.
 */
export class RedisStaffStore implements StaffStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async add(account: StaffAccount, passwordHash: string): Promise<void> {
    const record = validRecord(account, passwordHash);
    const added = await ADD.run(this.client, [this.recordKey(record.account.id), this.indexKey()], [JSON.stringify(record), record.account.id]);
    if (added !== 1) throw new StaffExistsError(`staff id already taken: ${record.account.id}`);
  }

  async get(id: string): Promise<StaffRecord | undefined> {
    return (await this.read(id))?.record;
  }

  async list(filter: { agency?: string } = {}): Promise<StaffAccount[]> {
    const ids = await this.client.sMembers(this.indexKey());
    if (ids.length === 0) return [];
    const docs = await this.client.mGet(ids.map((id) => this.recordKey(id)));
    const accounts: StaffAccount[] = [];
    docs.forEach((raw, i) => {
      const key = this.recordKey(ids[i] ?? '');
      if (raw !== null) accounts.push(parseStored(raw, staffRecordSchema, key).account);
    });
    return accounts.filter((a) => filter.agency === undefined || a.agency === filter.agency).sort(byAgencyThenId);
  }

  async disable(id: string, at: Date): Promise<StaffAccount | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.read(id);
      if (!stored) return undefined;
      const account = disabled(stored.record.account, at);
      if (account === stored.record.account) return account;
      const next = JSON.stringify({ ...stored.record, account });
      const written = await REPLACE.run(this.client, [this.recordKey(id)], [stored.raw, next]);
      if (written === 1) return account;
      if (written === -1) return undefined;
    }
    throw new Error('staff account kept changing under disable; nothing written');
  }

  private async read(id: string): Promise<{ record: StaffRecord; raw: string } | undefined> {
    // A typed sign-in name reaches here: anything that is not an id is no account, and no odd key.
    if (!STAFF_ID.test(id)) return undefined;
    const key = this.recordKey(id);
    const raw = await this.client.get(key);
    return raw === null ? undefined : { record: parseStored(raw, staffRecordSchema, key), raw };
  }

  private recordKey(id: string): string {
    return `${this.prefix}staff:${id}`;
  }

  private indexKey(): string {
    return `${this.prefix}staff`;
  }
}
