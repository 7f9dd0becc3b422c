import type { TurnContext } from 'botbuilder';
import { channelProfile } from './channelProfile';
import { noteOffered } from './offeredChoices';
import type { Reply } from './reply';
import { renderReply } from './renderReply';

/** Sends a Reply the way the current channel can show it. Dialogs call this and never look at the channel. */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  noteOffered(context, reply.choices);
  await context.sendActivities(renderReply(reply, channelProfile(context.activity.channelId)));
}
