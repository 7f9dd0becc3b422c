import { randomBytes } from 'node:crypto';

/** An activity as the Direct Line client receives it: plain JSON with the id we gave it. */
export interface FeedActivity {
  id: string;
  type: string;
  [field: string]: unknown;
}

/** An activity before the store gives it an id. */
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

/**
 * The built-in Direct Line's conversations: for each, a random id, a random user id, the locale, and the
 * activities its browser has not yet collected, numbered in order (the watermark is that number). Kept in
 * Redis (any server can answer any chat) or in the embedded database (a restart ends no chat). An activity
 * is kept until the browser has collected it (it polls with a watermark past it), so a chat's words stay on
 * the server only for moments; a conversation left idle ends and everything in it is dropped. Nothing about
 * the browser is recorded.
 */
export interface ConversationStore {
  /** Opens a conversation, or returns undefined when the service is at its limit. */
  open(locale?: string): Promise<ConversationInfo | undefined>;
  /** The conversation, if it is open; looking at it counts as activity (it keeps it from going idle). */
  touch(conversationId: string): Promise<ConversationInfo | undefined>;
  /** Adds an activity and gives it the next id. Undefined if the conversation has ended. */
  append(conversationId: string, activity: NewActivity): Promise<FeedActivity | undefined>;
  /**
   * The activities after a watermark. Asking with a watermark confirms that everything up to it arrived,
   * so those activities are dropped. Undefined if the conversation has ended.
   */
  since(conversationId: string, watermark: number): Promise<ActivitySet | undefined>;
  /**
   * Whether the browser may post another activity: not while its own uncollected activities are at their
   * byte budget, nor while everyone's together are at the service's. Ended conversations answer 'ok' (the
   * post then finds the conversation gone).
   */
  room(conversationId: string): Promise<Room>;
  /** Ends a conversation and forgets everything in it; false if it had already ended. */
  end(conversationId: string): Promise<boolean>;
  /** Ends every conversation idle for too long; returns what they were (each once, whichever server asks), so the bot can be told. */
  endIdle(): Promise<ConversationInfo[]>;
  /** Conversations open now (for the log line when the limit is reached). */
  count(): Promise<number>;
}

/** A new conversation's random ids. */
export function newConversationIds(): { conversationId: string; userId: string } {
  return { conversationId: randomBytes(16).toString('base64url'), userId: `dl_${randomBytes(12).toString('base64url')}` };
}

/** An activity's id: the conversation and its number, zero-padded so ids sort as they were added. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** Undelivered activities kept per conversation (a browser that stops collecting loses the oldest). */
export const MAX_PENDING_ACTIVITIES = 100;

/** The slice of config the store's limits come from. */
export interface FeedLimitsConfig {
  DIRECTLINE_MAX_CONVERSATIONS: number;
  DIRECTLINE_IDLE_MINUTES: number;
  DIRECTLINE_PENDING_KB_PER_CHAT: number;
  DIRECTLINE_PENDING_MB_TOTAL: number;
}

export function feedLimits(config: FeedLimitsConfig): FeedLimits {
  return {
    maxConversations: config.DIRECTLINE_MAX_CONVERSATIONS,
    idleMs: config.DIRECTLINE_IDLE_MINUTES * 60_000,
    maxActivities: MAX_PENDING_ACTIVITIES,
    maxPendingBytes: config.DIRECTLINE_PENDING_KB_PER_CHAT * 1024,
    maxTotalBytes: config.DIRECTLINE_PENDING_MB_TOTAL * 1024 * 1024,
  };
}
