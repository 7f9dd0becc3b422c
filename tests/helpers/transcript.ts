import { ConversationState, TestAdapter, type Activity, type TestFlow } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { loadBotContent } from '../../src/content/botContent';
import { defaultContentDir } from '../../src/content/contentDir';
import { LocalHelp } from '../../src/signposting/localHelp';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { ConcernSubmitter } from '../../src/concerns/concernSubmitter';
import type { LanguageService } from '../../src/language/languageService';
import { LocalLanguageService } from '../../src/language/localLanguageService';
import { createLogger } from '../../src/logging/logger';

export const contentDir = defaultContentDir();
export const bundle = loadBotContent(contentDir);
export const { services, shell: shellContent, knowledge, questions, safety, agencies } = bundle;
const { frontDoors, holidays } = bundle;

/** A weekday in office hours everywhere (Tuesday 10:00 in London), unless a test passes another time. */
export const OFFICE_HOURS = new Date('2026-11-24T10:00:00Z');

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
}

/** Everything the dialogs need except the state accessor, with the clock fixed at `now`. */
export function botDeps(now: Date = OFFICE_HOURS, report: ReportOptions = {}) {
  const store = report.store ?? NO_CONCERN_STORE;
  return {
    content: shellContent,
    services,
    knowledge,
    questions,
    localHelp: new LocalHelp(frontDoors, holidays, () => now),
    safety,
    report: {
      content: reportContent,
      agencies,
      store,
      submitter: new ConcernSubmitter(store, createLogger('silent'), { attempts: 2, firstDelayMs: 10, outboxIntervalMs: 60_000 }),
      language: report.language ?? new LocalLanguageService(),
      urgentUpdated: report.urgentUpdated ?? (() => undefined),
      retentionDays: 90,
      now: () => now,
    },
  };
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
