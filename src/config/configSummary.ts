import { secureCookies, type Config } from './config';

/** What start-up logs about its config: secrets reduced to "set"/"unset", the Redis URL without credentials. */
export function redactedSummary(config: Config): Record<string, string | number> {
  return {
    NODE_ENV: config.NODE_ENV,
    PORT: config.PORT,
    mode: config.MicrosoftAppId ? 'authenticated' : 'local (unauthenticated)',
    MicrosoftAppId: config.MicrosoftAppId ? 'set' : 'unset',
    MicrosoftAppPassword: config.MicrosoftAppPassword ? 'set' : 'unset',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ? 'set' : 'unset',
    storage: config.REDIS_URL ? `redis ${redisHost(config.REDIS_URL)}` : `embedded (SQLite in ${config.DATA_DIR})`,
    concerns: config.REDIS_URL ? 'redis streams' : `append-only file in ${config.DATA_DIR}`,
    CONCERN_RETENTION_DAYS: config.CONCERN_RETENTION_DAYS,
    language: config.LANGUAGE_ENDPOINT ? `azure ${new URL(config.LANGUAGE_ENDPOINT).host} (local fallback)` : 'local',
    LANGUAGE_KEY: config.LANGUAGE_KEY ? 'set' : 'unset',
    REDIS_KEY_PREFIX: config.REDIS_KEY_PREFIX,
    CONVERSATION_TTL_HOURS: config.CONVERSATION_TTL_HOURS,
    LOG_LEVEL: config.LOG_LEVEL,
    LOG_HASH_KEY: config.LOG_HASH_KEY ? 'set' : 'unset (random per process)',
    triage: `due in ${config.TRIAGE_WORKING_DAYS} working day(s), urgent ${config.TRIAGE_URGENT_MINUTES} min, claims ${config.TRIAGE_CLAIM_MINUTES} min`,
    staffSessions: `idle ${config.TRIAGE_SESSION_IDLE_MINUTES} min, at most ${config.TRIAGE_SESSION_MAX_HOURS} h, secure cookies ${secureCookies(config) ? 'on' : 'off'}`,
    webChat: config.DIRECTLINE_SECRET ? `azure direct line ${new URL(config.DIRECTLINE_ENDPOINT).host}` : 'built-in direct line (/v3/directline)',
    DIRECTLINE_SECRET: config.DIRECTLINE_SECRET ? 'set' : 'unset',
    DIRECTLINE_TOKEN_SECRET: config.DIRECTLINE_TOKEN_SECRET ? 'set' : `unset (kept in ${config.DATA_DIR})`,
    WEBCHAT_EMBED_ORIGINS: config.WEBCHAT_EMBED_ORIGINS.join(' ') || '(this site only)',
    ALERT_WEBHOOKS: webhookSummary(config),
    // The account SID is not secret, but naming it adds nothing to a log; the token never appears.
    twilio: config.TWILIO_ACCOUNT_SID ? `on at ${config.PUBLIC_BASE_URL ?? ''}/api/twilio/messages (SMS and WhatsApp)` : 'off (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN unset)',
    TWILIO_AUTH_TOKEN: config.TWILIO_AUTH_TOKEN ? 'set' : 'unset',
    METRICS_TOKEN: config.METRICS_TOKEN ? 'set (GET /metrics served)' : 'unset (no /metrics)',
  };
}

/** How many webhooks, and how many of them take Teams cards: never a URL. */
function webhookSummary(config: Config): string {
  const webhooks = Object.values(config.ALERT_WEBHOOKS);
  if (webhooks.length === 0) return 'unset (no alerts)';
  const teams = webhooks.filter((w) => w.format === 'teams').length;
  return `set for ${webhooks.length} agencies or routes (${teams} Teams, ${webhooks.length - teams} Slack)`;
}

function redisHost(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
