import { ConversationState, TestAdapter, type Activity, type TestFlow } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { botDepsFor, OFFICE_HOURS } from '../../scripts/safety/botDriver';
import { loadContent } from '../../src/content/botContent';
import type { Safety } from '../../src/safety/safety';
import { defaultContentDir } from '../../src/content/contentDir';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { LanguageService } from '../../src/language/languageService';
import type { ServiceEvents } from '../../src/events/serviceEvents';

export const contentDir = defaultContentDir();
export const bundle = loadContent(contentDir);
export const { services, shell: shellContent, knowledge, questions, safety, agencies } = bundle;

/** A weekday in office hours everywhere (Tuesday 10:00 in London), unless a test passes another time. */
export { OFFICE_HOURS };

export const reportContent = bundle.report;

/** For tests that never send a report: any use of the store fails the test loudly. */
const NO_CONCERN_STORE = new Proxy({} as ConcernStore, {
  get: () => () => Promise.reject(new Error('this test opened no concern store: pass one to botDeps')),
});

export interface ReportOptions {
  store?: ConcernStore;
  /** Called when a stored concern becomes urgent (danger in information added later). */
  urgentUpdated?: () => void;
  language?: LanguageService;
  /** Another safety bundle (see safetyUnsureAbout). */
  safety?: Safety;
  /** Another knowledge base (see knowledgeNeverSure). */
  knowledge?: KnowledgeBase;
  /** Who hears of safety replies, answers and returning reporters (the indicators and metrics, in the app). */
  events?: ServiceEvents;
}

/** The shipped knowledge base with its question model's thresholds set so that it is never sure: every question gets "did you mean". */
export function knowledgeNeverSure(): KnowledgeBase {
  const model = knowledge.classifier!.file;
  return new KnowledgeBase(knowledge.entries, knowledge.lexicon, { ...model, thresholds: { ...model.thresholds, answer: 1, suggest: 0.02 } }, knowledge.prepareQuestion);
}

/** Everything the dialogs need except the state accessor, with the clock fixed at `now`. */
export function botDeps(now: Date = OFFICE_HOURS, report: ReportOptions = {}) {
  return botDepsFor(bundle, { ...report, store: report.store ?? NO_CONCERN_STORE, now, submitAttempts: 2 });
}

/** A TestAdapter running the real bot on in-memory state, on the given channel, at a fixed time. */
export function transcriptAdapter(channelId = 'webchat', now: Date = OFFICE_HOURS, report: ReportOptions = {}): TestAdapter {
  const bot = new ClearsightBot({
    conversationState: new ConversationState(new MemoryStorage(3600_000)),
    deps: botDeps(now, report),
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
export function atMenu(channelId = 'webchat', now: Date = OFFICE_HOURS, report: ReportOptions = {}): TestFlow {
  return transcriptAdapter(channelId, now, report)
    .send('hi')
    .assertReply(() => undefined)
    .assertReply(() => undefined);
}
