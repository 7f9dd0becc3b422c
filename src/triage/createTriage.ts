import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/auditEntry';
import { FileAuditLog } from '../audit/fileAuditLog';
import { RedisAuditLog } from '../audit/redisAuditLog';
import { AlertDispatcher, type AlertStatus } from '../alerts/webhookAlerter';
import { checkWebhookAgencies } from '../alerts/webhookConfig';
import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import type { AgencyDirectory } from '../concerns/agencies';
import type { ConcernStore } from '../concerns/concernStore';
import { secureCookies, type Config } from '../config/config';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { FileStaffStore } from '../staff/fileStaffStore';
import { MemoryLoginLimiter } from '../staff/memoryLoginLimiter';
import { MemorySessionStore } from '../staff/memorySessionStore';
import { RedisLoginLimiter } from '../staff/redisLoginLimiter';
import { RedisSessionStore } from '../staff/redisSessionStore';
import { RedisStaffStore } from '../staff/redisStaffStore';
import type { StaffStore } from '../staff/staffStore';
import type { RedisClient } from '../storage/redisClient';
import { triageApiRoutes } from './api/triageApiRoutes';
import { staffApiRoutes } from './api/staffApiRoutes';
import { SessionStaffAuth } from './auth/sessionStaffAuth';
import { StaffCookie } from './auth/staffCookie';
import { ConcernAlerts } from './concernAlerts';
import { TriageService } from './triageService';
import { consoleRoutes } from './console/consoleRoutes';

export interface TriageParts {
  concerns: ConcernStore;
  agencies: AgencyDirectory;
  holidays: BankHolidayCalendar;
  /** Set when the service runs on Redis; otherwise staff and audit live in files under DATA_DIR. */
  redis: RedisClient | undefined;
  logger: Logger;
  now: () => Date;
}

export interface Triage {
  routes: Route[];
  /** For the report submitter: an urgent concern was stored, alert now rather than at the next poll. */
  concernStored(urgent: boolean): void;
  alertStatus(): AlertStatus;
  start(): void;
  stop(): Promise<void>;
}

/** A client address may fail this many sign-ins per window (an office may share one address). */
const CLIENT_MAX_FAILURES = 50;

/** Builds duty staff's triage: stores, sign-in, the service, the API and console routes, and the alerts. */
export function createTriage(config: Config, parts: TriageParts): Triage {
  const { redis, now } = parts;
  const prefix = config.REDIS_KEY_PREFIX;
  const webhooks = config.ALERT_WEBHOOKS;
  checkWebhookAgencies(webhooks, parts.agencies.all().map((a) => a.id));
  const timeouts = { idleMs: config.TRIAGE_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.TRIAGE_SESSION_MAX_HOURS * 3600_000 };
  // Limiter keys are keyed hashes; without a configured key, a random one per process.
  const hashKey = config.LOG_HASH_KEY ?? randomBytes(32);
  const staff: StaffStore = redis ? new RedisStaffStore(redis, prefix) : new FileStaffStore(config.DATA_DIR);
  const audit: AuditLog = redis ? new RedisAuditLog(redis, prefix) : new FileAuditLog(config.DATA_DIR);
  const sessions = redis ? new RedisSessionStore(redis, prefix, timeouts) : new MemorySessionStore(timeouts);
  const auth = new SessionStaffAuth({
    staff,
    sessions,
    nameLimiter: redis ? new RedisLoginLimiter(redis, prefix, hashKey) : new MemoryLoginLimiter(hashKey),
    // Name and client keys are told apart inside the hash ("name:…", "client:…"), so one prefix serves both.
    clientLimiter: redis
      ? new RedisLoginLimiter(redis, prefix, hashKey, { maxFailures: CLIENT_MAX_FAILURES })
      : new MemoryLoginLimiter(hashKey, { maxFailures: CLIENT_MAX_FAILURES }),
    audit,
    cookie: new StaffCookie(secureCookies(config)),
    now,
  });
  const clock = { holidays: parts.holidays, rules: { workingDays: config.TRIAGE_WORKING_DAYS, urgentMinutes: config.TRIAGE_URGENT_MINUTES } };
  const triage = new TriageService({ store: parts.concerns, audit, agencies: parts.agencies, clock, claimMinutes: config.TRIAGE_CLAIM_MINUTES, now });
  const alerts = new AlertDispatcher({
    source: new ConcernAlerts(parts.concerns, clock),
    webhooks,
    logger: parts.logger,
    now,
    pollMs: config.ALERT_POLL_SECONDS * 1000,
  });
  return {
    routes: [
      ...triageApiRoutes(triage, auth),
      ...staffApiRoutes({ staff, audit, auth, sessions, now }),
      ...consoleRoutes({ triage, auth, agencies: parts.agencies, now, trustedProxyHops: config.TRUSTED_PROXY_HOPS }),
    ],
    concernStored: (urgent) => {
      if (urgent) alerts.poke();
    },
    alertStatus: () => alerts.status(),
    start: () => {
      if (Object.keys(webhooks).length > 0) alerts.start();
    },
    stop: () => alerts.stop(),
  };
}
