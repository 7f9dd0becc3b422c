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
 * Moves a concern's index entries from where the document read says they are to where the new one says:
 * its agency's open or closed queue, and its agency's urgent and overdue alert indexes. Shared by every
 * script that writes a concern. Keys and arguments are passed in by the caller of each script.
 */
const MOVE_ENTRIES = `
local function move_entries(ref, old_queue, old_urgent, old_overdue, new_queue, new_urgent, new_overdue, score, urgent_owed, overdue_at)
  if old_queue ~= '' then
    redis.call('ZREM', old_queue, ref)
    redis.call('ZREM', old_urgent, ref)
    redis.call('ZREM', old_overdue, ref)
  end
  redis.call('ZADD', new_queue, score, ref)
  if urgent_owed == '1' then redis.call('ZADD', new_urgent, score, ref) end
  if overdue_at ~= '' then redis.call('ZADD', new_overdue, overdue_at, ref) end
end
`;

/**
 * Stores a concern and indexes it, all or nothing, once per submission id.
 * KEYS: submission, concern, all-concerns index, the agency's queue, its urgent alerts, its overdue alerts.
 * ARGV: ref, concern JSON, receivedAt ms, queue score, urgent alert owed '1'|'0', overdue at ms or ''.
 * Returns {ref, 1} for a submission already stored, {ref, 0} when stored now.
 */
export const SUBMIT = new LuaScript(`${MOVE_ENTRIES}
local stored = redis.call('GET', KEYS[1])
if stored then return {stored, 1} end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('REF_TAKEN reference already stored') end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
move_entries(ARGV[1], '', '', '', KEYS[4], KEYS[5], KEYS[6], ARGV[4], ARGV[5], ARGV[6])
redis.call('SET', KEYS[1], ARGV[1])
return {ARGV[1], 0}
`);

/**
 * Compare-and-set of a concern document, its index entries moved in the same step.
 * KEYS: concern; the queue, urgent and overdue indexes it was in; the ones it goes to.
 * ARGV: the JSON read, the new JSON, ref, new queue score, urgent alert owed '1'|'0', overdue at ms or ''.
 * Returns 1 when written, 0 when the document changed since it was read, -1 when gone.
 */
export const UPDATE = new LuaScript(`${MOVE_ENTRIES}
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
move_entries(ARGV[3], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[4], ARGV[5], ARGV[6])
redis.call('SET', KEYS[1], ARGV[2])
return 1
`);

/**
 * Deletes a concern with its index entries and its submission key, if the document is still the one read.
 * KEYS: concern, its queue, all-concerns index, submission, its agency's urgent and overdue alerts.
 * ARGV: the JSON read, ref. Returns 1 when deleted, 0 when it changed or is gone.
 */
export const PURGE = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('GET', KEYS[4]) == ARGV[2] then redis.call('DEL', KEYS[4]) end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[5], ARGV[2])
redis.call('ZREM', KEYS[6], ARGV[2])
redis.call('DEL', KEYS[1])
return 1
`);

/**
 * Indexes a concern stored before the indexes existed (or again, when the due-time rules changed), and
 * deletes its old stream-id list, if the document is still the one read.
 * KEYS: concern, its queue, the other queue of its agency, its urgent alerts, its overdue alerts, old stream ids.
 * ARGV: the JSON read, ref, queue score, urgent alert owed, overdue at ms or ''.
 * Returns 1 when indexed, 0 when it changed or is gone (the writer that changed it indexed it).
 */
export const REINDEX = new LuaScript(`${MOVE_ENTRIES}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
move_entries(ARGV[2], KEYS[3], KEYS[4], KEYS[5], KEYS[2], KEYS[4], KEYS[5], ARGV[3], ARGV[4], ARGV[5])
redis.call('DEL', KEYS[6])
return 1
`);
