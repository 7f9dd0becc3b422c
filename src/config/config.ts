import { z } from 'zod';
import { parseAlertWebhooks } from '../alerts/webhookConfig';

/** Longest message text the bot accepts; longer activities are refused with 400 (said in the README). */
export const MAX_TEXT_LENGTH = 4000;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

/** Every setting the service reads, named as in the environment. Parsed once, at start-up. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    REDIS_KEY_PREFIX: z.string().min(1).default('clearsight:'),
    CONVERSATION_TTL_HOURS: positiveNumber(4).refine((h) => h <= 24, 'must be at most 24 hours'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_HASH_KEY: optionalString.pipe(z.string().min(16).optional()),
    // On SIGTERM: /readyz answers 503 this long while requests are still served, then turns in flight get as
    // long again. The systemd unit's TimeoutStopSec must exceed twice this.
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(5),
    // Azure AI Language for finding personal details and the language in reports; both or neither.
    LANGUAGE_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LANGUAGE_KEY: optionalString,
    LANGUAGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
    // The embedded default (no REDIS_URL) keeps concerns in an append-only file under this directory.
    DATA_DIR: z.string().min(1).default('data'),
    // Closed concerns are deleted this many days after they were closed.
    CONCERN_RETENTION_DAYS: positiveNumber(90),
    // Duty staff triage (the console at /triage and the API at /api/triage).
    TRIAGE_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(1),
    TRIAGE_URGENT_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
    TRIAGE_CLAIM_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
    TRIAGE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    TRIAGE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(10),
    // Secure cookies need TLS: on by default in production (behind TLS), off for local http.
    TRIAGE_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
    // {"agency-id": "https://hooks.slack.com/..."}: where new urgent and overdue concerns are announced.
    ALERT_WEBHOOKS: optionalString.transform((raw, ctx) => {
      try {
        return parseAlertWebhooks(raw);
      } catch (err) {
        // The message names the entry at fault and never a URL (they hold secrets).
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message.replace(/^ALERT_WEBHOOKS\.?\s*/, '') : 'is not valid' });
        return z.NEVER;
      }
    }),
    ALERT_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // Web chat. With DIRECTLINE_SECRET set the page talks to Azure's Direct Line (the secret stays here and
    // buys short-lived tokens); without it, to the built-in Direct Line at /v3/directline.
    DIRECTLINE_SECRET: optionalString,
    DIRECTLINE_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://directline.botframework.com/v3/directline'),
    // The built-in Direct Line: idle conversations end after this many minutes; tokens last this long.
    DIRECTLINE_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(20),
    DIRECTLINE_TOKEN_MINUTES: z.coerce.number().int().min(2).max(24 * 60).default(30),
    // The key the built-in Direct Line signs its tokens with, so that tokens outlive a restart and any server
    // sharing it can check them. Unset outside production: generated once into DATA_DIR (mode 0600).
    DIRECTLINE_TOKEN_SECRET: optionalString.pipe(
      z
        .string()
        .min(43, 'must be at least 43 characters (32 random bytes as base64url), e.g. from: openssl rand -base64 32')
        .refine((s) => new Set(s).size >= 16, 'looks too repetitive to be random: generate it, e.g. openssl rand -base64 32')
        .optional(),
    ),
    // Push activities over a WebSocket instead of letting the browser poll once a second. Only turn on when
    // every proxy in front of the service passes WebSocket upgrades: the client does not fall back to polling.
    DIRECTLINE_WEBSOCKET: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    DIRECTLINE_MAX_CONVERSATIONS: z.coerce.number().int().min(1).default(5000),
    // How many conversations one client may start per 10 minutes, and messages per conversation per minute.
    DIRECTLINE_STARTS_PER_CLIENT: z.coerce.number().int().min(1).default(20),
    DIRECTLINE_POSTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    // Bytes of activities the browsers have not yet collected: per chat (its browser may post no more until
    // it collects: 429) and for the whole service (nobody may post until some are collected: 503).
    DIRECTLINE_PENDING_KB_PER_CHAT: z.coerce.number().int().min(32).max(64 * 1024).default(256),
    DIRECTLINE_PENDING_MB_TOTAL: z.coerce.number().int().min(1).max(64 * 1024).default(64),
    // GET /metrics (Prometheus) is served only when this is set, to callers presenting it as a Bearer token.
    METRICS_TOKEN: optionalString.pipe(z.string().min(32, 'must be at least 32 characters, e.g. from: openssl rand -hex 32').optional()),
    // Reverse proxies in front of the service (their X-Forwarded-For entries are trusted for rate limits).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    // SMS and WhatsApp through Twilio's webhook (POST /api/twilio/messages), on when both are set. Twilio
    // signs each request over the URL it called, so PUBLIC_BASE_URL must be that URL's origin (https in production).
    TWILIO_ACCOUNT_SID: optionalString.pipe(z.string().regex(/^AC[0-9a-f]{32}$/, 'must be AC followed by 32 hex digits').optional()),
    TWILIO_AUTH_TOKEN: optionalString.pipe(z.string().min(16, 'must be the account\'s auth token (32 characters)').optional()),
    PUBLIC_BASE_URL: optionalString.pipe(
      z
        .url({ protocol: /^https?$/ })
        .transform((u) => u.replace(/\/+$/, ''))
        .refine((u) => !new URL(u).search && !new URL(u).hash, 'must be an origin and optional path, with no query or fragment')
        .optional(),
    ),
    // Texts one sender may send per minute before the bot stops answering for a while (each reply costs money).
    TWILIO_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    // Where "Exit this page" and Shift pressed three times take the visitor (as GOV.UK's component does).
    WEBCHAT_EXIT_URL: z.url({ protocol: /^https?$/ }).default('https://www.bbc.co.uk/weather'),
    // Sites allowed to embed the chat (space-separated origins, e.g. "https://www.sheffield.gov.uk").
    WEBCHAT_EMBED_ORIGINS: z
      .string()
      .default('')
      .transform((raw) => raw.split(/\s+/).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    if (!c.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message:
          'is required in production: without it anyone could post activities and choose where the bot sends replies',
      });
    }
    if (!c.LOG_HASH_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOG_HASH_KEY'],
        message: 'is required in production so that hashed ids in logs cannot be reversed by guessing',
      });
    }
    if (!c.DIRECTLINE_SECRET && !c.DIRECTLINE_TOKEN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['DIRECTLINE_TOKEN_SECRET'],
        message: 'is required in production (unless DIRECTLINE_SECRET is set): every server signs and checks web chat tokens with it',
      });
    }
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.LANGUAGE_ENDPOINT) !== Boolean(c.LANGUAGE_KEY)) {
      ctx.addIssue({ code: 'custom', path: [c.LANGUAGE_ENDPOINT ? 'LANGUAGE_KEY' : 'LANGUAGE_ENDPOINT'], message: 'LANGUAGE_ENDPOINT and LANGUAGE_KEY go together: set both or neither' });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (Boolean(c.TWILIO_ACCOUNT_SID) !== Boolean(c.TWILIO_AUTH_TOKEN)) {
      ctx.addIssue({ code: 'custom', path: [c.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID'], message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together: set both or neither' });
    }
    if (c.TWILIO_ACCOUNT_SID && !c.PUBLIC_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required with Twilio: the URL Twilio calls, which its signatures cover (e.g. https://chat.example.org)' });
    }
    if (c.TWILIO_ACCOUNT_SID && c.NODE_ENV === 'production' && c.PUBLIC_BASE_URL && !c.PUBLIC_BASE_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be https in production: texts and the signature travel in the request' });
    }
    if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Whether staff cookies carry Secure: as configured, else only in production (which runs behind TLS). */
export function secureCookies(config: Config): boolean {
  return config.TRIAGE_SECURE_COOKIES === undefined ? config.NODE_ENV === 'production' : config.TRIAGE_SECURE_COOKIES === 'true';
}

/** Raised when the environment holds a bad value; its message names each variable at fault. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'} ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
