import { LuaScript } from '../concerns/concernScripts';

/*
 * The built-in Direct Line's conversations in Redis. Per conversation: a hash (userId, locale, seq, bytes)
 * and a stream of its uncollected activities, each entry's id "<seq>-0" (so the watermark is the stream id)
 * with fields a (the activity's JSON) and b (its bytes); both expire when left alone well past the idle time.
 * For the service: a sorted set of open conversations by when each was last touched (the idle sweep and the
 * conversation limit read it) and a counter of every conversation's uncollected bytes.
 * KEYS for every script: 1 hash, 2 stream, 3 open set, 4 byte counter.
 */

/** ARGV: id, userId, locale ('' for none), now, ttl ms, max conversations. Returns 1, or 0 at the limit. */
export const OPEN = new LuaScript(`
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[6]) then return 0 end
redis.call('HSET', KEYS[1], 'userId', ARGV[2], 'locale', ARGV[3], 'seq', 0, 'bytes', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
return 1
`);

/** ARGV: id, now, ttl ms. Returns {userId, locale} or nil when the conversation has ended. */
export const TOUCH = new LuaScript(`
local found = redis.call('HMGET', KEYS[1], 'userId', 'locale')
if not found[1] then return nil end
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return found
`);

/**
 * ARGV: activity JSON, its bytes, ttl ms, max activities, hard byte cap. Returns the new seq, or 0 when the
 * conversation has ended. Past the count or the hard cap the oldest go (never the one just added).
 */
export const APPEND = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('XADD', KEYS[2], seq .. '-0', 'a', ARGV[1], 'b', ARGV[2])
local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[2])
redis.call('INCRBY', KEYS[4], ARGV[2])
local count = redis.call('XLEN', KEYS[2])
while count > 1 and (count > tonumber(ARGV[4]) or bytes > tonumber(ARGV[5])) do
  local oldest = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)[1]
  local size = tonumber(oldest[2][4])
  redis.call('XDEL', KEYS[2], oldest[1])
  bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -size)
  redis.call('DECRBY', KEYS[4], size)
  count = count - 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return seq
`);

/**
 * ARGV: watermark. Drops what the watermark confirms, then returns {seq, id1, json1, id2, json2, ...} for
 * the rest, or nil when the conversation has ended.
 */
export const SINCE = new LuaScript(`
local seq = redis.call('HGET', KEYS[1], 'seq')
if not seq then return nil end
local watermark = tonumber(ARGV[1])
if watermark > 0 then
  local confirmed = redis.call('XRANGE', KEYS[2], '-', ARGV[1])
  local freed = 0
  for _, entry in ipairs(confirmed) do
    freed = freed + tonumber(entry[2][4])
    redis.call('XDEL', KEYS[2], entry[1])
  end
  if freed > 0 then
    redis.call('HINCRBY', KEYS[1], 'bytes', -freed)
    redis.call('DECRBY', KEYS[4], freed)
  end
end
local out = { seq }
for _, entry in ipairs(redis.call('XRANGE', KEYS[2], '(' .. ARGV[1] .. '-18446744073709551615', '+')) do
  out[#out + 1] = entry[1]
  out[#out + 1] = entry[2][2]
end
return out
`);

/** Returns {conversation bytes, service bytes}, or nil when the conversation has ended. */
export const ROOM = new LuaScript(`
local bytes = redis.call('HGET', KEYS[1], 'bytes')
if not bytes then return nil end
return { tonumber(bytes), tonumber(redis.call('GET', KEYS[4]) or '0') }
`);

/**
 * ARGV: id, cutoff ('+inf' to end whatever its age). Ends the conversation if it was last touched at or
 * before the cutoff; returns {userId, locale}, or nil when it had already ended (or was touched since), so
 * of several servers sweeping at once exactly one tells the bot.
 */
export const END = new LuaScript(`
local seen = redis.call('ZSCORE', KEYS[3], ARGV[1])
local found = redis.call('HMGET', KEYS[1], 'userId', 'locale', 'bytes')
if ARGV[2] ~= '+inf' and seen and tonumber(seen) > tonumber(ARGV[2]) then return nil end
redis.call('ZREM', KEYS[3], ARGV[1])
if not found[1] then return nil end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('DECRBY', KEYS[4], tonumber(found[3] or '0'))
return { found[1], found[2] }
`);

/**
 * ARGV: hash key prefix. Sets the byte counter to the sum of the open conversations' bytes and drops from
 * the open set those whose keys expired (no server swept them in time). The counter is otherwise kept by
 * the scripts above; this corrects what expiry left in it. Reads keys it is not given: one Redis node only.
 */
export const RECOUNT = new LuaScript(`
local total = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local bytes = redis.call('HGET', ARGV[1] .. id, 'bytes')
  if bytes then total = total + tonumber(bytes) else redis.call('ZREM', KEYS[3], id) end
end
redis.call('SET', KEYS[4], total)
return total
`);
