import type { TurnContext } from 'botbuilder';
import { channelProfile } from './channelProfile';
import { noteExpected } from './expectedAnswer';
import { noteOffered } from './offeredChoices';
import type { Reply } from './reply';
import { renderReply } from './renderReply';

/** Sends a Reply the way the current channel can show it. Dialogs call this and never look at the channel. */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  noteOffered(context, reply.choices);
  noteExpected(context, reply.expects, (reply.choices?.length ?? 0) > 0);
  await context.sendActivities(renderReply(reply, channelProfile(context.activity.channelId)));
}
