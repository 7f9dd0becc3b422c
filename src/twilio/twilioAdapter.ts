import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';

/** Where a turn's replies are gathered for the webhook's answer (TwiML). */
const REPLIES = Symbol('twilioReplies');

/**
 * Sends texts outside a webhook's answer, through Twilio's REST API (POST /2010-04-01/Accounts/{sid}/Messages.json).
 * Nothing does so today: every reply is part of the answer to the text that caused it. A sender would need the
 * person's number, which the service never keeps (conversations are keyed by its keyed hash), so it would have to
 * come with the reference, for example encrypted under a key only the service holds.
 */
export type LaterSender = (reference: Partial<ConversationReference>, texts: string[]) => Promise<void>;

const NO_LATER_SENDER: LaterSender = () =>
  Promise.reject(new Error('a reply outside the answer to a text needs a LaterSender (Twilio REST API), and none is configured'));

/**
 * A bot adapter for Twilio's messaging webhook: the same bot as /api/messages and the built-in Direct Line
 * runs its turns here. What the bot sends during the turn is gathered and returned, to go back in the
 * webhook's answer as one TwiML <Message> per text. Anything sent outside such a turn goes to `later`.
 */
export class TwilioAdapter extends BotAdapter {
  constructor(private readonly later: LaterSender = NO_LATER_SENDER) {
    super();
  }

  /** Runs one turn for an incoming text; resolves with the texts the bot sent, in order. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<string[]> {
    const context = new TurnContext(this, activity);
    const replies: string[] = [];
    context.turnState.set(REPLIES, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const texts = activities.filter((a) => (a.type ?? 'message') === 'message' && typeof a.text === 'string' && a.text.length > 0).map((a) => a.text!);
    const replies = context.turnState.get(REPLIES) as string[] | undefined;
    if (replies) replies.push(...texts);
    else if (texts.length) await this.later(TurnContext.getConversationReference(context.activity), texts);
    return activities.map(() => ({ id: '' }));
  }

  override updateActivity(): Promise<void> {
    return Promise.reject(new Error('A text message cannot be changed once sent.'));
  }

  override deleteActivity(): Promise<void> {
    return Promise.reject(new Error('A text message cannot be taken back once sent.'));
  }

  override continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
