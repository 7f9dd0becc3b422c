import { createHash } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError, newEtag } from './etag';
import { currentWriteFence, FencedOutError } from './writeFence';
import type { ReadinessProbe } from './readinessProbe';
import type { RedisClient } from './redisClient';

/**
 * Compare-and-set in one round trip, so two writers cannot both pass the eTag check.
 * KEYS[1] item key, KEYS[2] (in a turn) its turn lock; ARGV: requested eTag ('' or '*' = overwrite), new
 * eTag, JSON document, TTL in ms, (in a turn) the turn's fencing token. -1: the lock is no longer the turn's.
 */
const WRITE_SCRIPT = `
if #KEYS > 1 and redis.call('GET', KEYS[2]) ~= ARGV[5] then
  return -1
end
local stored = redis.call('HGET', KEYS[1], 'e')
if ARGV[1] ~= '' and ARGV[1] ~= '*' and stored and stored ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'e', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;
const WRITE_SHA = createHash('sha1').update(WRITE_SCRIPT).digest('hex');

/** KEYS: the turn lock, then the items. ARGV: the turn's fencing token. Deletes only while the lock is the turn's. */
const FENCED_DELETE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return -1
end
for i = 2, #KEYS do redis.call('DEL', KEYS[i]) end
return 1
`;
const FENCED_DELETE_SHA = createHash('sha1').update(FENCED_DELETE_SCRIPT).digest('hex');

/**
 * Bot state over node-redis: optimistic concurrency by eTag (a stale eTag is rejected, '*' overwrites),
 * every key under a prefix, every item expiring after the TTL so that conversations do not linger. Inside a
 * turn, writes and deletes are fenced by the turn's lock (see writeFence.ts): botbuilder always saves with
 * '*', so the eTag alone would not stop a stalled turn overwriting a newer one.
 */
export class RedisStorage implements Storage, ReadinessProbe {
  readonly name = 'redis';

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    // Independent commands: node-redis pipelines them on one connection without a transaction.
    const replies = await Promise.all(keys.map((key) => this.client.hmGet(this.key(key), ['e', 'd'])));
    keys.forEach((key, i) => {
      const [etag, doc] = replies[i] ?? [];
      if (etag && doc) items[key] = { ...JSON.parse(doc), eTag: etag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const fence = currentWriteFence();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
      const args = [eTag ?? '', newEtag(), JSON.stringify(doc), String(this.ttlMs)];
      const keys = [this.key(key)];
      if (fence) {
        keys.push(fence.key);
        args.push(fence.token);
      }
      const written = Number(await this.evalScript(WRITE_SHA, WRITE_SCRIPT, keys, args));
      if (written === -1) throw new FencedOutError();
      if (written !== 1) throw new EtagConflictError();
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const fence = currentWriteFence();
    if (!fence) {
      await this.client.del(keys.map((k) => this.key(k)));
      return;
    }
    const deleted = Number(await this.evalScript(FENCED_DELETE_SHA, FENCED_DELETE_SCRIPT, [fence.key, ...keys.map((k) => this.key(k))], [fence.token]));
    if (deleted === -1) throw new FencedOutError();
  }

  async isReady(): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await withTimeout(this.client.ping(), 1000)) === 'PONG';
    } catch {
      return false;
    }
  }

  /** EVALSHA with the cached script; loads it once (again after a Redis restart: NOSCRIPT). */
  private async evalScript(sha: string, script: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.client.eval(script, { keys, arguments: args });
    }
  }

  private key(key: string): string {
    return `${this.prefix}state:${key}`;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
