import { createHash, randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { AuditLog } from '../audit/auditEntry';
import { RedisAuditLog } from '../audit/redisAuditLog';
import { SqliteAuditLog } from '../audit/sqliteAuditLog';
import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import type { ConcernStore } from '../concerns/concernStore';
import { RedisConcernStore } from '../concerns/redisConcernStore';
import { SqliteConcernStore } from '../concerns/sqliteConcernStore';
import type { IndicatorStore } from '../indicators/indicatorStore';
import { RedisIndicatorStore } from '../indicators/redisIndicatorStore';
import type { HowKnewReader } from '../indicators/concernCounts';
import { CountingConcernStore } from '../indicators/countingConcernStore';
import { SqliteIndicatorStore } from '../indicators/sqliteIndicatorStore';
import type { Config } from '../config/config';
import { feedLimits, type ConversationStore } from '../directline/conversationStore';
import { RateWindow, type RateWindows } from '../directline/rateWindow';
import { RedisConversationStore } from '../directline/redisConversationStore';
import { RedisRateWindow } from '../directline/redisRateWindow';
import { RedisTurnLock } from '../bot/redisTurnLock';
import type { TurnLock } from '../bot/turnLock';
import { SqliteConversationStore } from '../directline/sqliteConversationStore';
import { errorSummary, type Logger } from '../logging/logger';
import type { ApiTokenStore } from '../staff/apiTokenStore';
import type { LoginLimiter } from '../staff/loginLimiter';
import { RedisApiTokenStore } from '../staff/redisApiTokenStore';
import { RedisLoginLimiter } from '../staff/redisLoginLimiter';
import { RedisSessionStore } from '../staff/redisSessionStore';
import { RedisStaffStore } from '../staff/redisStaffStore';
import type { SessionStore } from '../staff/sessionStore';
import { SqliteApiTokenStore } from '../staff/sqliteApiTokenStore';
import { SqliteLoginLimiter } from '../staff/sqliteLoginLimiter';
import { SqliteSessionStore } from '../staff/sqliteSessionStore';
import { SqliteStaffStore } from '../staff/sqliteStaffStore';
import type { StaffStore } from '../staff/staffStore';
import { dueAt, type TriageClock } from '../triage/triageClock';
import { importOldFiles } from './importOldFiles';
import type { ReadinessProbe } from './readinessProbe';
import type { RedisClient } from './redisClient';
import { RedisStorage } from './redisStorage';
import { openDatabase } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';

/** Every store the service (or an operator's command) works with, on Redis or on the embedded database. */
export interface Stores {
  /** Which backend: "redis" with REDIS_URL, otherwise "sqlite" (one file in DATA_DIR). */
  kind: 'redis' | 'sqlite';
  /** Conversation state (drafts, the dialog stack), with the conversation TTL. */
  conversations: Storage;
  /** The built-in Direct Line's conversations (ids, undelivered activities, watermarks), shared by every server on Redis. */
  directLine: ConversationStore;
  /** Rate limits (chat starts, posts): in Redis they count across every server; otherwise in memory. */
  rateWindows: RateWindows;
  /** With Redis: one turn at a time per conversation across servers (in one process the TurnQueue suffices). */
  turnLock?: TurnLock;
  concerns: ConcernStore;
  /** The partnership's anonymous monthly counters, kept apart from the concerns (the retention sweep never touches them). */
  indicators: IndicatorStore;
  staff: StaffStore;
  sessions: SessionStore;
  /** API tokens for the JSON API (separate from console passwords), kept as hashes. */
  tokens: ApiTokenStore;
  audit: AuditLog;
  /** Console sign-in limits: per sign-in name, and per client address (an office may share one). */
  limiters: { name: LoginLimiter; client: LoginLimiter };
  /** What /readyz asks. */
  readiness: ReadinessProbe[];
  /** Closes the connection or the database; the stores reject afterwards. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The clock the due-time index is built with (config's working days and urgent minutes, and the bank holidays). */
  clock: TriageClock;
  logger: Logger;
  /**
   * How long to wait for Redis before going on (the service: a moment, then it serves and /readyz says 503
   * until Redis answers; an operator's command: an error if Redis does not answer). 0: do not wait.
   */
  redisWaitMs: number;
  /** For an operator's command: fail when Redis does not answer within redisWaitMs, rather than go on. */
  requireRedis?: boolean;
  /** The clock the built-in Direct Line's idle times are counted by (tests pass their own). */
  now?: () => Date;
  /**
   * The service: count concerns for the partnership's indicators as they are stored and triaged, reading
   * "how do you know" with this (indicators/countingConcernStore.ts). Operators' commands do not count.
   */
  countIndicators?: HowKnewReader;
}

/** How long an operator's command waits for Redis before saying it did not answer. */
export const CLI_REDIS_WAIT_MS = 5000;

/** A client address may fail this many sign-ins per window (an office may share one address). */
export const CLIENT_MAX_FAILURES = 50;

/** Opens every store for the configuration: the one place that chooses between Redis and SQLite. */
export async function openStores(config: Config, options: StoreOptions): Promise<Stores> {
  const ttlMs = config.CONVERSATION_TTL_HOURS * 3600_000;
  const timeouts = { idleMs: config.TRIAGE_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.TRIAGE_SESSION_MAX_HOURS * 3600_000 };
  // Limiter keys are keyed hashes; without a configured key, a random one per process.
  const hashKey = config.LOG_HASH_KEY ?? randomBytes(32);
  const due = (concern: Parameters<typeof dueAt>[0]) => dueAt(concern, options.clock);
  const version = dueRulesVersion(options.clock);
  const ms = options.now ? () => (options.now as () => Date)().getTime() : Date.now;

  if (config.REDIS_URL) {
    const client = await connect(config.REDIS_URL, options);
    const prefix = config.REDIS_KEY_PREFIX;
    const conversations = new RedisStorage(client, prefix, ttlMs);
    const concerns = new RedisConcernStore(client, prefix, due);
    if (client.isReady) await migrateRedis(concerns, version, options.logger);
    else client.once('ready', () => void migrateRedis(concerns, version, options.logger));
    const indicators = new RedisIndicatorStore(client, prefix);
    return {
      kind: 'redis',
      conversations,
      directLine: new RedisConversationStore(client, prefix, feedLimits(config), ms),
      rateWindows: (name, limit, windowMs, key) => new RedisRateWindow(client, `${prefix}rate:${name}:`, limit, windowMs, key, ms),
      turnLock: new RedisTurnLock(client, prefix, options.logger),
      concerns: counting(concerns, indicators, options),
      indicators,
      staff: new RedisStaffStore(client, prefix),
      sessions: new RedisSessionStore(client, prefix, timeouts),
      tokens: new RedisApiTokenStore(client, prefix),
      audit: new RedisAuditLog(client, prefix),
      limiters: {
        name: new RedisLoginLimiter(client, prefix, hashKey),
        // Name and client keys are told apart inside the hash ("name:…", "client:…"), so one prefix serves both.
        client: new RedisLoginLimiter(client, prefix, hashKey, { maxFailures: CLIENT_MAX_FAILURES }),
      },
      readiness: [conversations],
      close: () => closeRedis(client),
    };
  }

  const db = openDatabase(config.DATA_DIR);
  let chatDb: ReturnType<typeof openDatabase> | undefined;
  try {
    // The chats' own connection: an undelivered activity need not wait for fsync (see SqliteConversationStore).
    chatDb = openDatabase(config.DATA_DIR);
    chatDb.pragma('synchronous = NORMAL');
    const directLine = new SqliteConversationStore(chatDb, feedLimits(config), ms);
    const conversations = new SqliteStorage(db, ttlMs);
    const concerns = new SqliteConcernStore(db, due);
    const staff = new SqliteStaffStore(db);
    const audit = new SqliteAuditLog(db);
    const imported = await importOldFiles(config.DATA_DIR, { db, concerns });
    if (imported.concerns + imported.staff + imported.audit + imported.skippedLines > 0) {
      options.logger.info({ code: 'OLD_FILES_IMPORTED', ...imported }, 'imported the JSON-lines files into the database');
    }
    await concerns.migrate(version);
    // On the chats' connection (synchronous=NORMAL): a count need not wait for a second fsync after the
    // concern's; a power cut (not a crash) may lose the last few counts, never a concern.
    const indicators = new SqliteIndicatorStore(chatDb);
    return {
      kind: 'sqlite',
      conversations,
      directLine,
      rateWindows: (_name, limit, windowMs) => new RateWindow(limit, windowMs, ms),
      concerns: counting(concerns, indicators, options),
      indicators,
      staff,
      sessions: new SqliteSessionStore(db, timeouts),
      tokens: new SqliteApiTokenStore(db),
      audit,
      limiters: { name: new SqliteLoginLimiter(db, hashKey), client: new SqliteLoginLimiter(db, hashKey, { maxFailures: CLIENT_MAX_FAILURES }) },
      readiness: [conversations],
      close: async () => {
        if (chatDb?.open) chatDb.close();
        if (db.open) db.close();
      },
    };
  } catch (err) {
    chatDb?.close();
    db.close();
    throw err;
  }
}

/** The triage clock the configuration sets: its working days and urgent minutes, with the bank holidays. */
export function triageClockFor(config: Config, holidays: BankHolidayCalendar): TriageClock {
  return { holidays, rules: { workingDays: config.TRIAGE_WORKING_DAYS, urgentMinutes: config.TRIAGE_URGENT_MINUTES } };
}

/** Names the due-time rules, so that the alert index is rebuilt when they change (and only then). */
function dueRulesVersion(clock: TriageClock): string {
  const year = new Date().getUTCFullYear();
  const holidays = [year - 1, year, year + 1].flatMap((y) => clock.holidays.holidaysIn(y).map((h) => h.date));
  return createHash('sha256').update(JSON.stringify({ rules: clock.rules, holidays })).digest('hex').slice(0, 16);
}

/**
 * The service stops waiting for Redis after this many failed connection attempts in a row (with the
 * client's backoff of 100, 200, 400 ms between them: about 0.7 s when Redis refuses at once). A Redis that
 * is starting beside the service answers within that; one that is down will not answer sooner for waiting.
 */
export const STARTUP_CONNECT_ATTEMPTS = 4;

/**
 * Connects, waiting on the client's readiness: until Redis is ready, or (for the service) until
 * STARTUP_CONNECT_ATTEMPTS attempts have failed, or at most redisWaitMs (a connection that hangs).
 */
async function connect(url: string, options: StoreOptions): Promise<RedisClient> {
  // node-redis is loaded only when Redis is configured: the embedded default never needs it.
  const { createRedisClient } = await import('./redisClient');
  const client = createRedisClient(url, options.logger);
  let timer: NodeJS.Timeout | undefined;
  let onError = (): void => undefined;
  const waited = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.redisWaitMs);
    timer.unref();
    // An operator's command waits the whole time; the service goes on once Redis has clearly refused.
    let failures = 0;
    onError = () => {
      failures += 1;
      if (!options.requireRedis && failures >= STARTUP_CONNECT_ATTEMPTS) resolve('timeout');
    };
    client.on('error', onError);
  });
  const connected = client.connect().then(
    () => 'connected' as const,
    (err: unknown) => {
      options.logger.warn({ code: 'REDIS_CONNECT_FAILED', err: errorSummary(err) });
      return 'failed' as const;
    },
  );
  const outcome = await Promise.race([connected, waited]);
  clearTimeout(timer);
  client.off('error', onError);
  if (outcome !== 'connected' && options.requireRedis) {
    client.destroy();
    throw new Error(`Redis did not answer within ${options.redisWaitMs / 1000} s`);
  }
  return client;
}

async function migrateRedis(concerns: RedisConcernStore, version: string, logger: Logger): Promise<void> {
  try {
    const indexed = await concerns.migrate(version);
    if (indexed > 0) logger.info({ code: 'CONCERN_INDEX_BUILT', indexed }, 'concern queues indexed');
  } catch (err) {
    logger.error({ code: 'CONCERN_INDEX_FAILED', err: errorSummary(err) }, 'could not index the concern queues');
  }
}

/** A client that never reached Redis is destroyed: close() would wait for a connection that may not come. */
async function closeRedis(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close().catch(() => undefined);
  else if (client.isOpen) client.destroy();
}

/** The concern store, counting for the indicators when the service asked for it. */
function counting(concerns: ConcernStore, indicators: IndicatorStore, options: StoreOptions): ConcernStore {
  if (!options.countIndicators) return concerns;
  return new CountingConcernStore(concerns, { indicators, clock: options.clock, howKnew: options.countIndicators, logger: options.logger });
}
