import type { SqliteDatabase } from '../storage/sqliteDatabase';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS directline_conversations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  locale TEXT,
  seq INTEGER NOT NULL DEFAULT 0,
  pending_bytes INTEGER NOT NULL DEFAULT 0,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS directline_conversations_seen ON directline_conversations (last_seen_at);
CREATE TABLE IF NOT EXISTS directline_activities (
  conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
`;

interface Row {
  id: string;
  user_id: string;
  locale: string | null;
  seq: number;
  pending_bytes: number;
}

/**
 * The built-in Direct Line's conversations in the embedded database, so a restart ends no chat. One
 * process owns DATA_DIR, so the service-wide byte total is counted here and read from the table at start.
 * Its own connection runs with synchronous=NORMAL: an activity waiting a moment for its browser may be lost
 * to a power cut (the chat then misses a line), but a process crash loses nothing, and no post waits for fsync.
 */
export class SqliteConversationStore implements ConversationStore {
  private totalBytes: number;
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly limits: FeedLimits,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(SCHEMA);
    this.q = {
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM directline_conversations'),
      total: db.prepare<[], { n: number | null }>('SELECT SUM(pending_bytes) AS n FROM directline_conversations'),
      insert: db.prepare('INSERT INTO directline_conversations (id, user_id, locale, last_seen_at) VALUES (?, ?, ?, ?)'),
      get: db.prepare<[string], Row>('SELECT id, user_id, locale, seq, pending_bytes FROM directline_conversations WHERE id = ?'),
      touch: db.prepare('UPDATE directline_conversations SET last_seen_at = ? WHERE id = ?'),
      next: db.prepare<[number, string], { seq: number }>('UPDATE directline_conversations SET seq = seq + 1, pending_bytes = pending_bytes + ? WHERE id = ? RETURNING seq'),
      add: db.prepare('INSERT INTO directline_activities (conversation_id, seq, body, bytes) VALUES (?, ?, ?, ?)'),
      pending: db.prepare<[string], { n: number; bytes: number }>('SELECT COUNT(*) AS n, pending_bytes AS bytes FROM directline_activities JOIN directline_conversations ON id = conversation_id WHERE conversation_id = ?'),
      oldest: db.prepare<[string], { seq: number; bytes: number }>('SELECT seq, bytes FROM directline_activities WHERE conversation_id = ? ORDER BY seq LIMIT 1'),
      dropOne: db.prepare('DELETE FROM directline_activities WHERE conversation_id = ? AND seq = ?'),
      confirmed: db.prepare<[string, number], { bytes: number | null }>('SELECT SUM(bytes) AS bytes FROM directline_activities WHERE conversation_id = ? AND seq <= ?'),
      dropUpTo: db.prepare('DELETE FROM directline_activities WHERE conversation_id = ? AND seq <= ?'),
      shrink: db.prepare('UPDATE directline_conversations SET pending_bytes = pending_bytes - ? WHERE id = ?'),
      after: db.prepare<[string, number], { seq: number; body: string }>('SELECT seq, body FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq'),
      remove: db.prepare('DELETE FROM directline_conversations WHERE id = ?'),
      idle: db.prepare<[number], Row>('SELECT id, user_id, locale, seq, pending_bytes FROM directline_conversations WHERE last_seen_at <= ?'),
    };
    this.totalBytes = this.q.total.get()?.n ?? 0;
  }

  open(locale?: string): Promise<ConversationInfo | undefined> {
    if ((this.q.count.get()?.n ?? 0) >= this.limits.maxConversations) return Promise.resolve(undefined);
    const { conversationId, userId } = newConversationIds();
    this.q.insert.run(conversationId, userId, locale ?? null, this.now());
    return Promise.resolve({ conversationId, userId, locale });
  }

  touch(conversationId: string): Promise<ConversationInfo | undefined> {
    const row = this.q.get.get(conversationId);
    if (!row) return Promise.resolve(undefined);
    this.q.touch.run(this.now(), conversationId);
    return Promise.resolve(info(row));
  }

  append(conversationId: string, activity: NewActivity): Promise<FeedActivity | undefined> {
    return Promise.resolve(this.db.transaction(() => this.appendNow(conversationId, activity))());
  }

  since(conversationId: string, watermark: number): Promise<ActivitySet | undefined> {
    const set = this.db.transaction((): ActivitySet | undefined => {
      const row = this.q.get.get(conversationId);
      if (!row) return undefined;
      const confirmed = this.q.confirmed.get(conversationId, watermark)?.bytes ?? 0;
      if (confirmed > 0) {
        this.q.dropUpTo.run(conversationId, watermark);
        this.q.shrink.run(confirmed, conversationId);
        this.totalBytes -= confirmed;
      }
      const activities = this.q.after.all(conversationId, watermark).map((a) => ({ ...(JSON.parse(a.body) as NewActivity), id: activityId(conversationId, a.seq) }));
      // The watermark is always ours: a client that sent one we never gave is brought back in line.
      return { activities, watermark: String(row.seq) };
    })();
    return Promise.resolve(set);
  }

  room(conversationId: string): Promise<Room> {
    const row = this.q.get.get(conversationId);
    if (!row) return Promise.resolve('ok');
    if (row.pending_bytes >= this.limits.maxPendingBytes) return Promise.resolve('conversation-full');
    return Promise.resolve(this.totalBytes >= this.limits.maxTotalBytes ? 'service-full' : 'ok');
  }

  end(conversationId: string): Promise<boolean> {
    return Promise.resolve(this.db.transaction(() => this.endNow(conversationId) !== undefined)());
  }

  endIdle(): Promise<ConversationInfo[]> {
    const cutoff = this.now() - this.limits.idleMs;
    return Promise.resolve(
      this.db.transaction(() => this.q.idle.all(cutoff).flatMap((row) => (this.endNow(row.id) ? [info(row)] : [])))(),
    );
  }

  count(): Promise<number> {
    return Promise.resolve(this.q.count.get()?.n ?? 0);
  }

  private appendNow(conversationId: string, activity: NewActivity): FeedActivity | undefined {
    const body = JSON.stringify(activity);
    const bytes = Buffer.byteLength(body) + 40; // with its id, as the browser gets it
    const next = this.q.next.get(bytes, conversationId);
    if (!next) return undefined;
    this.q.add.run(conversationId, next.seq, body, bytes);
    this.totalBytes += bytes;
    // The browser's posts stop at the byte budget (room); the bot's replies are never refused, so past twice
    // the budget, or past the count, the oldest go.
    const hardCap = 2 * this.limits.maxPendingBytes;
    for (;;) {
      const pending = this.q.pending.get(conversationId);
      if (!pending || pending.n <= 1 || (pending.n <= this.limits.maxActivities && pending.bytes <= hardCap)) break;
      const oldest = this.q.oldest.get(conversationId);
      if (!oldest) break;
      this.q.dropOne.run(conversationId, oldest.seq);
      this.q.shrink.run(oldest.bytes, conversationId);
      this.totalBytes -= oldest.bytes;
    }
    return { ...activity, id: activityId(conversationId, next.seq) };
  }

  private endNow(conversationId: string): Row | undefined {
    const row = this.q.get.get(conversationId);
    if (!row) return undefined;
    this.q.remove.run(conversationId); // its activities go with it (ON DELETE CASCADE)
    this.totalBytes -= row.pending_bytes;
    return row;
  }
}

function info(row: Row): ConversationInfo {
  return { conversationId: row.id, userId: row.user_id, locale: row.locale ?? undefined };
}
