import { LuaScript } from '../concerns/concernScripts';
import type { RedisClient } from '../storage/redisClient';
import {
  checkTimeouts,
  newToken,
  remainingMs,
  sessionSchema,
  tokenHash,
  type Session,
  type SessionStore,
  type SessionTimeouts,
} from './sessionStore';
import { parseStored } from './staffStore';

/**
 * Ends every session in a member of staff's set, in one step so that none slips through.
 * KEYS: the set. ARGV: the session key prefix. Returns how many sessions there were.
 */
const DESTROY_ALL = new LuaScript(`
local ended = 0
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  ended = ended + redis.call('DEL', ARGV[1] .. hash)
end
redis.call('DEL', KEYS[1])
return ended
`);

/**
 * Sessions in Redis, under a key prefix: `session:{sha256 of token}` the session as JSON, expiring when
 * it would go idle (moved on by every get), and `sessions:{staffId}` the set of a person's session hashes.
 * The absolute limit is checked from createdAt against the caller's clock.
 */
export class RedisSessionStore implements SessionStore {
  private readonly timeouts: SessionTimeouts;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    timeouts: SessionTimeouts,
  ) {
    this.timeouts = checkTimeouts(timeouts);
  }

  async create(staffId: string, now: Date): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const hash = tokenHash(token);
    const at = now.toISOString();
    const session: Session = { staffId, csrfToken: newToken(), createdAt: at, lastSeenAt: at };
    const setKey = this.setKey(staffId);
    await this.client
      .multi()
      .set(this.sessionKey(hash), JSON.stringify(session), { expiration: { type: 'PX', value: remainingMs(session, now, this.timeouts) } })
      .sAdd(setKey, hash)
      // The newest session outlives the others, so the set lasts as long as it can.
      .pExpire(setKey, this.timeouts.absoluteMs)
      .exec();
    return { token, session };
  }

  async get(token: string, now: Date): Promise<Session | undefined> {
    const hash = tokenHash(token);
    const key = this.sessionKey(hash);
    const raw = await this.client.get(key);
    if (raw === null) return undefined;
    const session = parseStored(raw, sessionSchema, key);
    const seen: Session = { ...session, lastSeenAt: now.toISOString() };
    const left = remainingMs(seen, now, this.timeouts);
    if (remainingMs(session, now, this.timeouts) <= 0 || left <= 0) {
      await this.remove(hash, session.staffId);
      return undefined;
    }
    // XX: a session destroyed since the GET stays destroyed.
    const written = await this.client.set(key, JSON.stringify(seen), { expiration: { type: 'PX', value: left }, condition: 'XX' });
    return written === null ? undefined : seen;
  }

  async destroy(token: string): Promise<void> {
    const hash = tokenHash(token);
    const key = this.sessionKey(hash);
    const raw = await this.client.get(key);
    if (raw === null) return;
    await this.remove(hash, parseStored(raw, sessionSchema, key).staffId);
  }

  async destroyAllFor(staffId: string): Promise<number> {
    return Number(await DESTROY_ALL.run(this.client, [this.setKey(staffId)], [this.sessionKey('')]));
  }

  private async remove(hash: string, staffId: string): Promise<void> {
    await this.client.multi().del(this.sessionKey(hash)).sRem(this.setKey(staffId), hash).exec();
  }

  private sessionKey(hash: string): string {
    return `${this.prefix}session:${hash}`;
  }

  private setKey(staffId: string): string {
    return `${this.prefix}sessions:${staffId}`;
  }
}
