import { randomBytes } from 'node:crypto';

/** An activity as the Direct Line client receives it: plain JSON with the id we gave it. */
export interface FeedActivity {
  id: string;
  type: string;
  [field: string]: unknown;
}

/** An activity before the feed gives it an id. */
export interface NewActivity {
  type: string;
  [field: string]: unknown;
}

/** What a poll or a stream frame carries: the activities after a watermark, and the new watermark. */
export interface ActivitySet {
  activities: FeedActivity[];
  watermark: string;
}

export interface FeedLimits {
  /** Conversations open at once; beyond this, new ones are refused until some end. */
  maxConversations: number;
  /** A conversation nobody has touched for this long ends. */
  idleMs: number;
  /** Activities kept per conversation that the browser has not yet collected; the oldest go first. */
  maxActivities: number;
  /**
   * Bytes (as JSON) of one conversation's uncollected activities: at this the browser may post no more until
   * it collects; past twice this the oldest are dropped.
   */
  maxPendingBytes: number;
  /** Bytes of every conversation's uncollected activities together: past this nobody may post until some are collected. */
  maxTotalBytes: number;
}

/** Whether a conversation may take another activity from its browser, and if not, whose budget is spent. */
export type Room = 'ok' | 'conversation-full' | 'service-full';

export interface ConversationInfo {
  conversationId: string;
  userId: string;
  locale: string | undefined;
}

export interface FeedListener {
  /** Every activity added from now on. */
  added(set: ActivitySet): void;
  /** The conversation ended (closed by the user or idle): nothing more will come. */
  ended(): void;
}

interface Conversation extends ConversationInfo {
  lastSeenAt: number;
  /** The sequence number of the newest activity (0 before the first). */
  seq: number;
  /** Activities not yet collected, oldest first, each with its sequence number and size as JSON. */
  pending: Array<{ seq: number; activity: FeedActivity; bytes: number }>;
  /** The sum of pending's sizes. */
  pendingBytes: number;
  listeners: Set<FeedListener>;
}

/**
 * The built-in Direct Line's conversations, in this process's memory only. An activity is kept until the
 * browser has collected it (it polls with a watermark past it), so a chat's words stay on the server only
 * for moments; a conversation left idle ends and everything in it is dropped. Nothing about the browser is
 * recorded: a conversation is a random id, a random user id and its undelivered activities.
 */
export class ConversationFeed {
  private readonly conversations = new Map<string, Conversation>();
  /** Bytes of every conversation's uncollected activities. */
  private totalBytes = 0;

  constructor(
    private readonly limits: FeedLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a conversation, or returns undefined when the service is at its limit. */
  open(locale?: string): ConversationInfo | undefined {
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const conversation: Conversation = {
      conversationId: randomBytes(16).toString('base64url'),
      userId: `dl_${randomBytes(12).toString('base64url')}`,
      locale,
      lastSeenAt: this.now(),
      seq: 0,
      pending: [],
      pendingBytes: 0,
      listeners: new Set(),
    };
    this.conversations.set(conversation.conversationId, conversation);
    return { conversationId: conversation.conversationId, userId: conversation.userId, locale };
  }

  /** The conversation, if it is open; looking at it counts as activity (it keeps it from going idle). */
  touch(conversationId: string): ConversationInfo | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    conversation.lastSeenAt = this.now();
    return { conversationId, userId: conversation.userId, locale: conversation.locale };
  }

  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  /** Adds an activity, gives it the next id, and pushes it to any open stream. Undefined if the conversation has ended. */
  append(conversationId: string, activity: NewActivity): FeedActivity | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    conversation.seq += 1;
    const stored: FeedActivity = { ...activity, id: `${conversationId}|${String(conversation.seq).padStart(7, '0')}` };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.pending.push({ seq: conversation.seq, activity: stored, bytes });
    this.resize(conversation, bytes);
    // The browser's posts stop at the byte budget (room); the bot's replies are never refused, so past twice
    // the budget, or past the count, the oldest go.
    const hardCap = 2 * this.limits.maxPendingBytes;
    while (conversation.pending.length > 1 && (conversation.pending.length > this.limits.maxActivities || conversation.pendingBytes > hardCap)) {
      this.resize(conversation, -(conversation.pending.shift()?.bytes ?? 0));
    }
    const set: ActivitySet = { activities: [stored], watermark: String(conversation.seq) };
    for (const listener of conversation.listeners) listener.added(set);
    return stored;
  }

  /**
   * The activities after a watermark. Asking with a watermark confirms that everything up to it arrived,
   * so those activities are dropped. Undefined if the conversation has ended.
   */
  since(conversationId: string, watermark: number): ActivitySet | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const kept = conversation.pending.filter((p) => p.seq > watermark);
    this.resize(conversation, kept.reduce((sum, p) => sum + p.bytes, 0) - conversation.pendingBytes);
    conversation.pending = kept;
    // The watermark is always ours: a client that sent one we never gave is brought back in line.
    return { activities: conversation.pending.map((p) => p.activity), watermark: String(conversation.seq) };
  }

  /**
   * Tells the listener of every activity added from now on, until unsubscribed or the conversation ends.
   * A conversation with a listener (an open stream) is in use, so it does not go idle.
   */
  subscribe(conversationId: string, listener: FeedListener): (() => void) | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    conversation.listeners.add(listener);
    return () => conversation.listeners.delete(listener);
  }

  /** Ends a conversation and forgets everything in it. */
  end(conversationId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return false;
    this.conversations.delete(conversationId);
    this.totalBytes -= conversation.pendingBytes;
    for (const listener of conversation.listeners) listener.ended();
    return true;
  }

  /** Ends every conversation idle for too long; returns what they were, so the bot can be told. */
  endIdle(): ConversationInfo[] {
    const cutoff = this.now() - this.limits.idleMs;
    const ended: ConversationInfo[] = [];
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastSeenAt > cutoff || conversation.listeners.size > 0) continue;
      this.conversations.delete(id);
      this.totalBytes -= conversation.pendingBytes;
      ended.push({ conversationId: id, userId: conversation.userId, locale: conversation.locale });
    }
    return ended;
  }

  /**
   * Whether the browser may post another activity: not while its own uncollected activities are at their
   * byte budget, nor while everyone's together are at the service's. Ended conversations answer 'ok' (the
   * post then finds the conversation gone).
   */
  room(conversationId: string): Room {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return 'ok';
    if (conversation.pendingBytes >= this.limits.maxPendingBytes) return 'conversation-full';
    return this.totalBytes >= this.limits.maxTotalBytes ? 'service-full' : 'ok';
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of every conversation's uncollected activities (for tests and metrics). */
  get pendingBytes(): number {
    return this.totalBytes;
  }

  private resize(conversation: Conversation, change: number): void {
    conversation.pendingBytes += change;
    this.totalBytes += change;
  }
}
