import { z } from 'zod';
import { LuaScript } from '../concerns/concernScripts';
import type { RedisClient } from '../storage/redisClient';
import { API_TOKEN_ID, type ApiToken } from './apiToken';
import { ApiTokenExistsError, apiTokenRecordSchema, byCreatedThenId, validTokenRecord, type ApiTokenRecord, type ApiTokenStore } from './apiTokenStore';
import { STAFF_ID } from './staffAccount';
import { CorruptStaffError } from './staffStore';

/** KEYS: token, person's set. ARGV: id, then field, value pairs. 1 stored, 0 id taken. */
const ADD = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`);

/** KEYS: token. ARGV: when. 1 revoked now, 0 already revoked, -1 no such token. */
const REVOKE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1]) == 1 then return 1 end
return 0
`);

/** KEYS: person's set. ARGV: token key prefix, when. How many were revoked now. */
const REVOKE_ALL = new LuaScript(`
local revoked = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[1] .. id
  if redis.call('EXISTS', key) == 1 then revoked = revoked + redis.call('HSETNX', key, 'revokedAt', ARGV[2]) end
end
return revoked
`);

/** KEYS: token. ARGV: day. Never brings a token that is gone back as a fragment. */
const MARK_USED = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'lastUsedDay', ARGV[1]) end
return 1
`);

/** The fields of a token's hash; an absent lastUsedDay or revokedAt is null. */
const storedFields = z
  .strictObject({
    id: z.string(),
    staffId: z.string(),
    label: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedDay: z.string().optional(),
    revokedAt: z.string().optional(),
    secretHash: z.string(),
  })
  .transform(({ secretHash, lastUsedDay, revokedAt, ...rest }) => ({ token: { ...rest, lastUsedDay: lastUsedDay ?? null, revokedAt: revokedAt ?? null }, secretHash }))
  .pipe(apiTokenRecordSchema);

/**
 * API tokens in Redis, under a key prefix: `apitoken:{id}` a hash of the token's fields (with the secret's
 * SHA-256, never the secret), `apitokens:{staffId}` the set of a person's token ids. Every hash read back
 * is parsed by the schema.
 */
export class RedisApiTokenStore implements ApiTokenStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async add(record: ApiTokenRecord): Promise<void> {
    const { token, secretHash } = validTokenRecord(record);
    const fields = Object.entries({ ...token, secretHash }).flatMap(([k, v]) => (v === null ? [] : [k, v]));
    const added = await ADD.run(this.client, [this.tokenKey(token.id), this.setKey(token.staffId)], [token.id, ...fields]);
    if (added !== 1) throw new ApiTokenExistsError(`API token id already taken: ${token.id}`);
  }

  async get(id: string): Promise<ApiTokenRecord | undefined> {
    // The id comes from a Bearer header: anything that is not an id is no token, and no odd key.
    if (!API_TOKEN_ID.test(id)) return undefined;
    return this.read(this.tokenKey(id));
  }

  async listFor(staffId: string): Promise<ApiToken[]> {
    if (!STAFF_ID.test(staffId)) return [];
    const ids = await this.client.sMembers(this.setKey(staffId));
    const records = await Promise.all(ids.map((id) => this.read(this.tokenKey(id))));
    return records.flatMap((r) => (r ? [r.token] : [])).sort(byCreatedThenId);
  }

  async revoke(id: string, at: Date): Promise<ApiToken | undefined> {
    if (!API_TOKEN_ID.test(id)) return undefined;
    const result = await REVOKE.run(this.client, [this.tokenKey(id)], [at.toISOString()]);
    return result === -1 ? undefined : (await this.get(id))?.token;
  }

  async revokeAllFor(staffId: string, at: Date): Promise<number> {
    if (!STAFF_ID.test(staffId)) return 0;
    return Number(await REVOKE_ALL.run(this.client, [this.setKey(staffId)], [this.tokenKey(''), at.toISOString()]));
  }

  async markUsed(id: string, day: string): Promise<void> {
    if (API_TOKEN_ID.test(id)) await MARK_USED.run(this.client, [this.tokenKey(id)], [day]);
  }

  private async read(key: string): Promise<ApiTokenRecord | undefined> {
    const fields = await this.client.hGetAll(key);
    if (Object.keys(fields).length === 0) return undefined;
    const parsed = storedFields.safeParse(fields);
    if (!parsed.success) throw new CorruptStaffError(`${key}: does not match the schema (${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join('; ')})`);
    return parsed.data;
  }

  private tokenKey(id: string): string {
    return `${this.prefix}apitoken:${id}`;
  }

  private setKey(staffId: string): string {
    return `${this.prefix}apitokens:${staffId}`;
  }
}
