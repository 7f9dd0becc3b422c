import { createHash } from 'node:crypto';
import type { RedisClient } from '../storage/redisClient';

/** A Lua script run by EVALSHA, loaded again with EVAL when Redis does not have it (NOSCRIPT). */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisClient, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(this.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return client.eval(this.source, { keys, arguments: args });
    }
  }
}

/**
 * Creates the agency's stream and its consumer group if either is missing (BUSYGROUP: already there).
 * Any other error (a key of the wrong type) is raised, before anything is written.
 */
const ENSURE_GROUP = `
local function ensure_group(stream, group)
  local created = redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
  if type(created) == 'table' and created.err and not string.find(created.err, 'BUSYGROUP') then
    return redis.error_reply(created.err)
  end
end
`;

/**
 * Stores a concern and queues it, all or nothing, once per submission id.
 * KEYS: submission, concern, agency stream, index, stream ids of the concern.
 * ARGV: ref, concern JSON, urgent '1'|'0', receivedAt ms, group.
 * Returns {ref, 1} for a submission already stored, {ref, 0} when stored now.
 */
export const SUBMIT = new LuaScript(`${ENSURE_GROUP}
local stored = redis.call('GET', KEYS[1])
if stored then return {stored, 1} end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('REF_TAKEN reference already stored') end
local failed = ensure_group(KEYS[3], ARGV[5])
if failed then return failed end
local id = redis.call('XADD', KEYS[3], '*', 'event', 'new', 'ref', ARGV[1], 'urgent', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
redis.call('RPUSH', KEYS[5], id)
redis.call('SET', KEYS[1], ARGV[1])
return {ARGV[1], 0}
`);

/**
 * Compare-and-set of a concern document, with its queue event (if any) in the same step.
 * KEYS: concern, agency stream, stream ids of the concern. ARGV: the JSON read, the new JSON, event ('' for
 * none), ref, group. Returns 1 when written, 0 when the document changed since it was read, -1 when gone.
 */
export const UPDATE = new LuaScript(`${ENSURE_GROUP}
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
if ARGV[3] ~= '' then
  local failed = ensure_group(KEYS[2], ARGV[5])
  if failed then return failed end
  local id = redis.call('XADD', KEYS[2], '*', 'event', ARGV[3], 'ref', ARGV[4])
  redis.call('RPUSH', KEYS[3], id)
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`);

/**
 * Deletes a concern with its queue entries (acknowledged first, so none stays pending), its index entry and
 * its submission key, if the document is still the one read. KEYS: concern, agency stream, index, stream ids,
 * submission. ARGV: the JSON read, ref, group. Returns 1 when deleted, 0 when it changed or is gone.
 */
export const PURGE = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local ids = redis.call('LRANGE', KEYS[4], 0, -1)
if #ids > 0 and redis.call('EXISTS', KEYS[2]) == 1 then
  redis.pcall('XACK', KEYS[2], ARGV[3], unpack(ids))
  redis.call('XDEL', KEYS[2], unpack(ids))
end
if redis.call('GET', KEYS[5]) == ARGV[2] then redis.call('DEL', KEYS[5]) end
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('DEL', KEYS[1], KEYS[4])
return 1
`);
