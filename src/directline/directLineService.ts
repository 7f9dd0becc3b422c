import type { Activity } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import { HttpError } from '../http/httpError';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL, type DirectLineAdapter } from './directLineAdapter';
import type { ActivitySet, ConversationInfo, ConversationStore, FeedActivity, NewActivity, Room } from './conversationStore';
import type { DirectLineTokens } from './directLineTokens';
import type { FeedSignal } from './feedSignal';
import { keptFields, type PostedActivity } from './postedActivity';
import type { RateLimit } from './rateWindow';

/** What starting, reconnecting and refreshing answer (Direct Line 3.0's Conversation object). */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export interface DirectLineServiceDeps {
  store: ConversationStore;
  /** Wakes this process's open streams when a conversation changes here. */
  signal: FeedSignal;
  tokens: DirectLineTokens;
  adapter: DirectLineAdapter;
  /** Runs one bot turn for this conversation, after any turn already running for it. */
  runTurn: (activity: Partial<Activity>) => Promise<void>;
  /** Conversations started per client address. */
  starts: RateLimit;
  /** Activities posted per conversation. */
  posts: RateLimit;
  logger: Logger;
  now?: () => Date;
}

/** Builds a conversation's WebSocket URL from its token (absent when the stream is off). */
export type StreamUrl = (conversationId: string, token: string) => string;

/** The service URL the bot sees on built-in Direct Line activities (never called: replies go to the feed). */
const SERVICE_URL = 'https://directline.clearsight.invalid/';

/**
 * The built-in Direct Line 3.0, without HTTP: starting conversations, taking the browser's activities to
 * the bot and handing back what the bot said. Every refusal is an HttpError with the status the official
 * client expects (403: the token is bad or expired, 404: the conversation has ended, 429: too fast).
 */
export class DirectLineService {
  private readonly now: () => Date;

  constructor(private readonly deps: DirectLineServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Starts a conversation and runs the bot's welcome (a conversationUpdate) before answering. */
  async start(clientAddress: string, locale: string | undefined, streamUrl?: StreamUrl): Promise<ConversationGrant> {
    const verdict = await this.deps.starts.hit(clientAddress);
    if (!verdict.allowed) {
      throw new HttpError(429, 'too_many_requests', 'Too many chats started from here. Please wait a little and try again.', {
        'Retry-After': String(verdict.retryAfterSeconds),
      });
    }
    const conversation = await this.deps.store.open(locale);
    if (!conversation) {
      this.deps.logger.warn({ code: 'DIRECTLINE_FULL', conversations: await this.deps.store.count() }, 'built-in Direct Line is at its conversation limit');
      throw new HttpError(503, 'busy', 'The chat is very busy. Please try again in a minute. If someone is in danger, ring 999.', { 'Retry-After': '60' });
    }
    await this.deps.runTurn({
      ...this.envelope(conversation),
      type: 'conversationUpdate',
      membersAdded: [{ id: conversation.userId, role: 'user' }, { ...BOT_ACCOUNT }],
    } as Partial<Activity>);
    return this.grant(conversation.conversationId, streamUrl);
  }

  /** Reconnecting (Direct Line's GET /conversations/{id}): a fresh token and stream for the same conversation. */
  async reconnect(token: string | undefined, conversationId: string, streamUrl?: StreamUrl): Promise<ConversationGrant> {
    await this.open(token, conversationId);
    return this.grant(conversationId, streamUrl);
  }

  /** A fresh token for the conversation the given token opens. */
  async refresh(token: string | undefined): Promise<ConversationGrant> {
    const conversationId = this.conversationOf(token);
    if (!(await this.deps.store.touch(conversationId))) throw ended();
    return this.grant(conversationId);
  }

  /** The activities after the watermark (which confirms everything up to it arrived). */
  async activities(token: string | undefined, conversationId: string, watermark: number): Promise<ActivitySet> {
    await this.open(token, conversationId);
    const set = await this.deps.store.since(conversationId, watermark);
    if (!set) throw ended();
    return set;
  }

  /** Checks a stream's token and that its conversation is open (the stream then collects with `collect`). */
  async openStream(token: string | undefined, conversationId: string): Promise<void> {
    await this.open(token, conversationId);
  }

  /**
   * What an open stream sends next: the activities after the watermark it last sent (confirming those), or
   * undefined once the conversation has ended. Looking counts as activity, so an open stream keeps its
   * conversation from going idle.
   */
  async collect(conversationId: string, watermark: number): Promise<ActivitySet | undefined> {
    if (!(await this.deps.store.touch(conversationId))) return undefined;
    return this.deps.store.since(conversationId, watermark);
  }

  /** Calls `wake` whenever the conversation changes on this server, until the returned function is called. */
  watch(conversationId: string, wake: () => void): () => void {
    return this.deps.signal.subscribe(conversationId, wake);
  }

  /** The stream's client is still there (its keep-alive message arrived). */
  async keepAlive(conversationId: string): Promise<void> {
    await this.deps.store.touch(conversationId);
  }

  /** Adds an activity to the conversation (the bot's replies come this way too) and wakes its streams here. */
  async append(conversationId: string, activity: NewActivity): Promise<FeedActivity | undefined> {
    const stored = await this.deps.store.append(conversationId, activity);
    if (stored) this.deps.signal.notify(conversationId);
    return stored;
  }

  /** Ends the conversation (its streams close); false if it had already ended. The bot is not told here. */
  async end(conversationId: string): Promise<boolean> {
    const ended = await this.deps.store.end(conversationId);
    this.deps.signal.notify(conversationId);
    return ended;
  }

  /**
   * Takes an activity from the browser: echoes it into the feed (the client matches it by clientActivityID),
   * runs the bot's turn, and answers with its id once the bot has answered. endOfConversation ends it all.
   */
  async post(token: string | undefined, conversationId: string, posted: PostedActivity): Promise<{ id: string }> {
    const conversation = await this.open(token, conversationId);
    // Ending is never refused: a chat must always be closable.
    if (posted.type !== 'endOfConversation') refuseWithoutRoom(await this.deps.store.room(conversationId));
    const verdict = posted.type === 'endOfConversation' ? { allowed: true, retryAfterSeconds: 0 } : await this.deps.posts.hit(conversationId);
    if (!verdict.allowed) {
      throw new HttpError(429, 'too_many_requests', 'Messages are arriving too fast. Please wait a moment.', { 'Retry-After': String(verdict.retryAfterSeconds) });
    }
    if (posted.type === 'typing') return { id: `${conversationId}|typing` };
    const activity = { ...this.envelope(conversation), ...keptFields(posted) } as Partial<Activity>;
    if (posted.type === 'endOfConversation') {
      // The chat was closed: the bot forgets the conversation, then the feed drops it.
      await this.end(conversationId);
      await this.deps.runTurn(activity);
      return { id: `${conversationId}|end` };
    }
    const echoed = await this.append(conversationId, { ...activity, type: posted.type, serviceUrl: undefined, recipient: undefined });
    if (!echoed) throw ended();
    await this.deps.runTurn({ ...activity, id: echoed.id });
    return { id: echoed.id };
  }

  /** Ends idle conversations and tells the bot, so it forgets them too. */
  async endIdle(): Promise<number> {
    const idle = await this.deps.store.endIdle();
    for (const conversation of idle) {
      this.deps.signal.notify(conversation.conversationId);
      await this.deps.runTurn({ ...this.envelope(conversation), type: 'endOfConversation', code: 'userTimeout' } as Partial<Activity>).catch((err: unknown) =>
        this.deps.logger.warn({ code: 'DIRECTLINE_END_FAILED', err: errorSummary(err) }, 'could not tell the bot a conversation ended'),
      );
    }
    return idle.length;
  }

  /** The conversation a token opens, if it is the one asked for and it is still open. */
  private async open(token: string | undefined, conversationId: string): Promise<ConversationInfo> {
    if (this.conversationOf(token) !== conversationId) throw forbidden();
    const conversation = await this.deps.store.touch(conversationId);
    if (!conversation) throw ended();
    return conversation;
  }

  private conversationOf(token: string | undefined): string {
    if (!token) throw new HttpError(401, 'unauthorized', 'A Direct Line token is needed.', { 'WWW-Authenticate': 'Bearer' });
    const check = this.deps.tokens.check(token);
    if (!check.ok) throw check.reason === 'expired' ? new HttpError(403, 'token_expired', 'The token has expired.') : forbidden();
    return check.conversationId;
  }

  private grant(conversationId: string, streamUrl?: StreamUrl): ConversationGrant {
    const { token, expiresIn } = this.deps.tokens.issue(conversationId);
    return { conversationId, token, expires_in: expiresIn, ...(streamUrl ? { streamUrl: streamUrl(conversationId, token) } : {}) };
  }

  /** Who, where and when, set by the server whatever the browser claimed. */
  private envelope(conversation: ConversationInfo): Record<string, unknown> {
    return {
      channelId: DIRECT_LINE_CHANNEL,
      serviceUrl: SERVICE_URL,
      conversation: { id: conversation.conversationId },
      from: { id: conversation.userId, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      timestamp: this.now().toISOString(),
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    };
  }
}

function forbidden(): HttpError {
  return new HttpError(403, 'forbidden', 'The token does not open this conversation.');
}

function ended(): HttpError {
  return new HttpError(404, 'conversation_ended', 'This conversation has ended.');
}

/** What a post gets when the undelivered activities are at their byte budget (see ConversationStore.room). */
function refuseWithoutRoom(room: Room): void {
  if (room === 'conversation-full') {
    throw new HttpError(429, 'too_many_requests', 'The chat has messages it has not collected yet. Please wait a moment.', { 'Retry-After': '5' });
  }
  if (room === 'service-full') {
    throw new HttpError(503, 'unavailable', 'The chat is very busy. Please try again in a minute. If someone is in danger, call 999.', { 'Retry-After': '30' });
  }
}
