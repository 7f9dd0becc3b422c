import { ConversationState, TestAdapter, type Activity, type TestFlow } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { defaultContentDir } from '../../src/content/contentDir';
import { loadShellContent } from '../../src/shell/shellContent';
import { ServiceDirectory } from '../../src/signposting/serviceDirectory';
import { MemoryStorage } from '../../src/storage/memoryStorage';

export const contentDir = defaultContentDir();
export const services = ServiceDirectory.load(contentDir);
export const shellContent = loadShellContent(contentDir, services);

/** A TestAdapter running the real bot on in-memory state, on the given channel. */
export function transcriptAdapter(channelId = 'webchat'): TestAdapter {
  const bot = new ClearsightBot({
    conversationState: new ConversationState(new MemoryStorage(3600_000)),
    deps: { content: shellContent, services },
    ttlHours: 4,
  });
  return new TestAdapter((context) => bot.run(context), { channelId } as Partial<Activity>);
}

/** Text of an activity the bot sent (for assertReply callbacks). */
export function textOf(activity: Partial<Activity>): string {
  return activity.text ?? '';
}

/** Labels of the buttons offered on an activity. */
export function buttonsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.title));
}

/** A conversation that has said hello and seen the welcome and the menu, ready for the next message. */
export function atMenu(channelId = 'webchat'): TestFlow {
  return transcriptAdapter(channelId)
    .send('hi')
    .assertReply(() => undefined)
    .assertReply(() => undefined);
}
