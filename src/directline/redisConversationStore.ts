import type { RedisClient } from '../storage/redisClient';
import {
  activityId,
  newConversationIds,
  type ActivitySet,
  type ConversationInfo,
  type ConversationStore,
  type FeedActivity,
  type FeedLimits,
  type NewActivity,
  type Room,
} from './conversationStore';
import { APPEND, END, OPEN, RECOUNT, ROOM, SINCE, TOUCH } from './redisConversationScripts';

/** Conversations the idle sweep ends per round (the rest wait for the next minute). */
const SWEEP_BATCH = 500;

/**
 * The built-in Direct Line's conversations in Redis (see redisConversationScripts.ts for the keys), so any
 * server can answer any chat and a restart ends none. Each step is one script, so servers never see half a
 * change. The per-chat byte budget is exact; the service-wide one is a shared counter kept by the same
 * scripts and recounted by every idle sweep (it can be high by what expired unswept, until the next sweep).
 * Keys expire when nobody touched them for twice the idle time: the sweep ends conversations (and tells the
 * bot) well before, and expiry only tidies up after servers that were all down.
 */
export class RedisConversationStore implements ConversationStore {
  private readonly ttlMs: number;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly limits: FeedLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = 2 * limits.idleMs;
  }

  async open(locale?: string): Promise<ConversationInfo | undefined> {
    const { conversationId, userId } = newConversationIds();
    const args = [conversationId, userId, locale ?? '', String(this.now()), String(this.ttlMs), String(this.limits.maxConversations)];
    const opened = await OPEN.run(this.client, this.keys(conversationId), args);
    return opened === 1 ? { conversationId, userId, locale } : undefined;
  }

  async touch(conversationId: string): Promise<ConversationInfo | undefined> {
    const found = await TOUCH.run(this.client, this.keys(conversationId), [conversationId, String(this.now()), String(this.ttlMs)]);
    return Array.isArray(found) ? info(conversationId, found) : undefined;
  }

  async append(conversationId: string, activity: NewActivity): Promise<FeedActivity | undefined> {
    const body = JSON.stringify(activity);
    const bytes = Buffer.byteLength(body) + 40; // with its id, as the browser gets it
    const args = [body, String(bytes), String(this.ttlMs), String(this.limits.maxActivities), String(2 * this.limits.maxPendingBytes)];
    const seq = Number(await APPEND.run(this.client, this.keys(conversationId), args));
    return seq > 0 ? { ...activity, id: activityId(conversationId, seq) } : undefined;
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet | undefined> {
    const out = await SINCE.run(this.client, this.keys(conversationId), [String(Math.trunc(watermark))]);
    if (!Array.isArray(out)) return undefined;
    const [seq, ...entries] = out.map(String);
    const activities: FeedActivity[] = [];
    for (let i = 0; i + 1 < entries.length; i += 2) {
      const streamId = entries[i] ?? '';
      activities.push({ ...(JSON.parse(entries[i + 1] ?? '{}') as NewActivity), id: activityId(conversationId, Number(streamId.split('-')[0])) });
    }
    // The watermark is always ours: a client that sent one we never gave is brought back in line.
    return { activities, watermark: seq ?? '0' };
  }

  async room(conversationId: string): Promise<Room> {
    const sizes = await ROOM.run(this.client, this.keys(conversationId), []);
    if (!Array.isArray(sizes)) return 'ok';
    const [mine, all] = sizes.map(Number);
    if ((mine ?? 0) >= this.limits.maxPendingBytes) return 'conversation-full';
    return (all ?? 0) >= this.limits.maxTotalBytes ? 'service-full' : 'ok';
  }

  async end(conversationId: string): Promise<boolean> {
    return Array.isArray(await END.run(this.client, this.keys(conversationId), [conversationId, '+inf']));
  }

  async endIdle(): Promise<ConversationInfo[]> {
    const cutoff = this.now() - this.limits.idleMs;
    const ids = await this.client.zRangeByScore(this.openKey, '-inf', cutoff, { LIMIT: { offset: 0, count: SWEEP_BATCH } });
    const ended: ConversationInfo[] = [];
    for (const id of ids) {
      const found = await END.run(this.client, this.keys(id), [id, String(cutoff)]);
      if (Array.isArray(found)) ended.push(info(id, found));
    }
    await RECOUNT.run(this.client, this.keys(''), [`${this.prefix}dl:c:`]);
    return ended;
  }

  count(): Promise<number> {
    return this.client.zCard(this.openKey);
  }

  private get openKey(): string {
    return `${this.prefix}dl:open`;
  }

  private keys(conversationId: string): string[] {
    return [`${this.prefix}dl:c:${conversationId}`, `${this.prefix}dl:a:${conversationId}`, this.openKey, `${this.prefix}dl:bytes`];
  }
}

function info(conversationId: string, found: unknown[]): ConversationInfo {
  const locale = typeof found[1] === 'string' && found[1] !== '' ? found[1] : undefined;
  return { conversationId, userId: String(found[0]), locale };
}
