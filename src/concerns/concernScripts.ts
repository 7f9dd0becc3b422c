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
 * Index entries (shared by every script that writes a concern). A concern has one entry per agency that
 * has it: that agency's open or closed queue, its urgent alert index and its overdue alert index, passed as
 * three keys in a row from `key_at` on, with three arguments from `arg_at` on (queue score, urgent alert
 * owed '1'|'0', overdue at ms or ''). Removing takes every key from `first` to `last`.
 */
const ENTRIES = `
local function remove_entries(ref, first, last)
  for i = first, last do redis.call('ZREM', KEYS[i], ref) end
end
local function add_entries(ref, key_at, arg_at)
  local i = 0
  while KEYS[key_at + i * 3] do
    local k, a = key_at + i * 3, arg_at + i * 3
    redis.call('ZADD', KEYS[k], ARGV[a], ref)
    if ARGV[a + 1] == '1' then redis.call('ZADD', KEYS[k + 1], ARGV[a], ref) end
    if ARGV[a + 2] ~= '' then redis.call('ZADD', KEYS[k + 2], ARGV[a + 2], ref) end
    i = i + 1
  end
end
`;

/**
 * Stores a concern and indexes it, all or nothing, once per submission id.
 * KEYS: submission, concern, all-concerns index, then per entry: queue, urgent alerts, overdue alerts.
 * ARGV: ref, concern JSON, receivedAt ms, then per entry: queue score, urgent alert owed, overdue at.
 * Returns {ref, 1} for a submission already stored, {ref, 0} when stored now.
 */
export const SUBMIT = new LuaScript(`${ENTRIES}
local stored = redis.call('GET', KEYS[1])
if stored then return {stored, 1} end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('REF_TAKEN reference already stored') end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
add_entries(ARGV[1], 4, 4)
redis.call('SET', KEYS[1], ARGV[1])
return {ARGV[1], 0}
`);

/**
 * Compare-and-set of a concern document, its index entries moved in the same step.
 * KEYS: concern; the index keys it was in (ARGV[4] of them); then per new entry its three keys.
 * ARGV: the JSON read, the new JSON, ref, how many old keys, then per new entry its three arguments.
 * Returns 1 when written, 0 when the document changed since it was read, -1 when gone.
 */
export const UPDATE = new LuaScript(`${ENTRIES}
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
local old = tonumber(ARGV[4])
remove_entries(ARGV[3], 2, 1 + old)
add_entries(ARGV[3], 2 + old, 5)
redis.call('SET', KEYS[1], ARGV[2])
return 1
`);

/**
 * Deletes a concern with its index entries and its submission key, if the document is still the one read.
 * KEYS: concern, submission, all-concerns index, then every index key it is in. ARGV: the JSON read, ref.
 * Returns 1 when deleted, 0 when it changed or is gone.
 */
export const PURGE = new LuaScript(`${ENTRIES}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
remove_entries(ARGV[2], 3, #KEYS)
redis.call('DEL', KEYS[1])
return 1
`);

/**
 * Indexes a concern stored before the indexes existed (or again, when the due-time rules changed), and
 * deletes its old stream-id list, if the document is still the one read.
 * KEYS: concern, old stream ids, the index keys to clear (ARGV[3] of them), then per entry its three keys.
 * ARGV: the JSON read, ref, how many keys to clear, then per entry its three arguments.
 * Returns 1 when indexed, 0 when it changed or is gone (the writer that changed it indexed it).
 */
export const REINDEX = new LuaScript(`${ENTRIES}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local old = tonumber(ARGV[3])
remove_entries(ARGV[2], 3, 2 + old)
add_entries(ARGV[2], 3 + old, 4)
redis.call('DEL', KEYS[2])
return 1
`);
