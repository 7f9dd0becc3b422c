import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { FeedActivity, NewActivity } from './conversationStore';

/** Where the bot's activities go: the conversation's store (undefined once it has ended). */
export type AppendActivity = (conversationId: string, activity: NewActivity) => Promise<FeedActivity | undefined>;

/** The channel id the bot sees for built-in Direct Line conversations (a rich channel: buttons and cards). */
export const DIRECT_LINE_CHANNEL = 'directline';

/** Who the bot is in built-in Direct Line conversations. */
export const BOT_ACCOUNT = { id: 'clearsight', name: 'Clearsight', role: 'bot' } as const;

/** Activity types that never reach the browser. */
const NOT_SHOWN = new Set(['trace', 'invokeResponse', 'delay']);

/**
 * A bot adapter for the built-in Direct Line: the same bot that serves /api/messages runs its turns here,
 * and what it sends goes straight into the conversation's feed for the browser to collect. No outbound
 * HTTP, no serviceUrl to trust.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly append: AppendActivity,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** Runs one turn of the bot for an activity, through the middleware and the turn error handler. */
  processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id ?? '';
    const sent: ResourceResponse[] = [];
    // One after another: their order is the order the browser shows them in.
    for (const activity of activities) {
      if (NOT_SHOWN.has(activity.type ?? '')) {
        sent.push({ id: '' });
        continue;
      }
      const stored = await this.append(conversationId, this.asFeedActivity(activity, conversationId));
      sent.push({ id: stored?.id ?? '' });
    }
    return sent;
  }

  override updateActivity(): Promise<void> {
    return Promise.reject(new Error('The built-in Direct Line cannot update a sent activity.'));
  }

  override deleteActivity(): Promise<void> {
    return Promise.reject(new Error('The built-in Direct Line cannot delete a sent activity.'));
  }

  override continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** The bot's activity as plain JSON the browser can read: our bot account, the time, no serviceUrl. */
  private asFeedActivity(activity: Partial<Activity>, conversationId: string): NewActivity {
    const plain = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
    delete plain.serviceUrl;
    return {
      ...plain,
      type: activity.type ?? 'message',
      channelId: DIRECT_LINE_CHANNEL,
      conversation: { id: conversationId },
      from: BOT_ACCOUNT,
      timestamp: this.now().toISOString(),
    };
  }
}
