import { ConversationState, TestAdapter, type Activity, type TestFlow } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { defaultContentDir } from '../../src/content/contentDir';
import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { loadQuestionContent } from '../../src/knowledge/questionContent';
import { loadSafetyRules } from '../../src/safety/safetyRules';
import { loadShellContent } from '../../src/shell/shellContent';
import { FrontDoorDirectory } from '../../src/signposting/frontDoors';
import { LocalHelp } from '../../src/signposting/localHelp';
import { ServiceDirectory } from '../../src/signposting/serviceDirectory';
import { MemoryStorage } from '../../src/storage/memoryStorage';

export const contentDir = defaultContentDir();
export const services = ServiceDirectory.load(contentDir);
export const shellContent = loadShellContent(contentDir, services);
export const knowledge = loadKnowledgeBase(contentDir, (id) => services.has(id));
export const questions = loadQuestionContent(contentDir, services, (id) => knowledge.has(id));
export const safety = loadSafetyRules(contentDir);
const frontDoors = FrontDoorDirectory.load(contentDir);
const holidays = BankHolidayCalendar.load(contentDir);

/** A weekday in office hours everywhere (Tuesday 10:00 in London), unless a test passes another time. */
export const OFFICE_HOURS = new Date('2026-11-24T10:00:00Z');

/** Everything the dialogs need except the state accessor, with the clock fixed at `now`. */
export function botDeps(now: Date = OFFICE_HOURS) {
  return { content: shellContent, services, knowledge, questions, localHelp: new LocalHelp(frontDoors, holidays, () => now), safety };
}

/** A TestAdapter running the real bot on in-memory state, on the given channel, at a fixed time. */
export function transcriptAdapter(channelId = 'webchat', now: Date = OFFICE_HOURS): TestAdapter {
  const bot = new ClearsightBot({
    conversationState: new ConversationState(new MemoryStorage(3600_000)),
    deps: botDeps(now),
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
export function atMenu(channelId = 'webchat', now: Date = OFFICE_HOURS): TestFlow {
  return transcriptAdapter(channelId, now)
    .send('hi')
    .assertReply(() => undefined)
    .assertReply(() => undefined);
}
