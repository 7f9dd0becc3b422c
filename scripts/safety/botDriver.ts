import { NO_EVENTS, type ServiceEvents } from '../../src/events/serviceEvents';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import type { BotContent } from '../../src/content/botContent';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { ConcernSubmitter } from '../../src/concerns/concernSubmitter';
import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { defaultContentDir } from '../../src/content/contentDir';
import { DEFAULT_DUE_RULES } from '../../src/triage/dueTime';
import { dueAt } from '../../src/triage/triageClock';
import type { LanguageService } from '../../src/language/languageService';
import { LocalLanguageService } from '../../src/language/localLanguageService';
import type { Safety } from '../../src/safety/safety';
import type { ShellDeps } from '../../dialogs/shellDeps';
import { createLogger } from '../../src/logging/logger';
import { LocalHelp } from '../../src/signposting/localHelp';
import { MemoryStorage } from '../../src/storage/memoryStorage';

/** A weekday in office hours everywhere (Tuesday 10:00 in London): the fixed clock of evaluations, benches and tests. */
export const OFFICE_HOURS = new Date('2026-11-24T10:00:00Z');

/** A concern store in the embedded database in a fresh temporary directory; close() removes it. */
export function openScratchStore(): { store: SqliteConcernStore; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-scratch-'));
  const db = openDatabase(dir);
  const clock = { holidays: BankHolidayCalendar.load(defaultContentDir()), rules: DEFAULT_DUE_RULES };
  return {
    store: new SqliteConcernStore(db, (concern) => dueAt(concern, clock)),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs with a scratch concern store (see openScratchStore), closed and removed afterwards. */
export async function withScratchStore<T>(run: (store: SqliteConcernStore) => Promise<T>): Promise<T> {
  const scratch = openScratchStore();
  try {
    return await run(scratch.store);
  } finally {
    scratch.close();
  }
}

/** What the bot said back to one message. */
export interface Said {
  activities: Partial<Activity>[];
  /** Every reply's text, joined with blank lines. */
  text: string;
}

export interface BotDepsOptions {
  store: ConcernStore;
  /** The clock, fixed: office hours and report times are the same on every run. */
  now: Date;
  urgentUpdated?: () => void;
  language?: LanguageService;
  /** Another safety bundle (tests narrow the thresholds around one message). */
  safety?: Safety;
  /** Tries at storing a report before "not sent yet". */
  submitAttempts?: number;
  /** Another knowledge base (tests set the question model's thresholds so that it is never sure). */
  knowledge?: KnowledgeBase;
  /** Who hears of safety replies and answers (tests count them); nobody by default. */
  events?: ServiceEvents;
}

/** What the bot's dialogs need, from the content and a store, at a fixed time: for evaluations and tests. */
export function botDepsFor(content: BotContent, options: BotDepsOptions): Omit<ShellDeps, 'profile'> {
  const { store, now } = options;
  return {
    content: content.shell,
    services: content.services,
    knowledge: options.knowledge ?? content.knowledge,
    questions: content.questions,
    localHelp: new LocalHelp(content.frontDoors, content.holidays, () => now),
    safety: options.safety ?? content.safety,
    events: options.events ?? NO_EVENTS,
    report: {
      content: content.report,
      agencies: content.agencies,
      store,
      submitter: new ConcernSubmitter(store, createLogger('silent'), { attempts: options.submitAttempts ?? 1, firstDelayMs: 10, outboxIntervalMs: 60_000 }),
      language: options.language ?? new LocalLanguageService(),
      urgentUpdated: options.urgentUpdated ?? (() => undefined),
      retentionDays: 90,
      now: () => now,
    },
  };
}

/**
 * The real bot, in process, on in-memory conversation state: each `conversation()` is a fresh chat on a
 * channel. Used by the safety evaluation to see exactly what a person would be sent.
 */
export class BotDriver {
  private readonly bot: ClearsightBot;

  constructor(content: BotContent, store: ConcernStore, now: Date) {
    this.bot = new ClearsightBot({
      conversationState: new ConversationState(new MemoryStorage(3600_000)),
      ttlHours: 4,
      deps: botDepsFor(content, { store, now }),
    });
  }

  private conversations = 0;

  /** A new chat: its own conversation id, so nothing carries over from the last one. */
  conversation(channelId: string): Conversation {
    const template = { channelId, conversation: { id: `eval-${++this.conversations}` } } as Partial<Activity>;
    return new Conversation(new TestAdapter((context) => this.bot.run(context), template));
  }
}

export class Conversation {
  constructor(readonly adapter: TestAdapter) {}

  async say(text: string): Promise<Said> {
    await this.adapter.receiveActivity(text);
    const activities: Partial<Activity>[] = [];
    for (let a = this.adapter.getNextReply(); a; a = this.adapter.getNextReply()) activities.push(a);
    return { activities, text: activities.map((a) => a.text ?? '').join('\n\n') };
  }
}
