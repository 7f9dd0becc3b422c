import { z } from 'zod';

const VARIABLE = 'ALERT_WEBHOOKS';
/** Agency ids and out-of-hours route names alike: the keys of ALERT_WEBHOOKS. */
const WEBHOOK_NAME = /^[a-z0-9-]+$/;
/** Plain http is allowed only to this machine (a test receiver); anything else must be https. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const URL_RULE = 'must be an https URL (http only to 127.0.0.1 or localhost)';
const ENTRY_RULE = 'must be a URL string or {"url": "https://…", "format": "slack" or "teams"}';

/** What a webhook is sent: Slack's `{text}` message, or an Adaptive Card for a Teams Workflows webhook. */
export const WEBHOOK_FORMATS = ['slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** One incoming webhook: where to post (a secret) and what body it takes. */
export interface AlertWebhook {
  url: string;
  format: WebhookFormat;
}

// A plain string is a Slack webhook, as before formats existed.
const entrySchema = z.preprocess(
  (value) => (typeof value === 'string' ? { url: value } : value),
  z.strictObject({ url: z.string().refine(isWebhookUrl, URL_RULE), format: z.enum(WEBHOOK_FORMATS).default('slack') }),
);
const webhooksSchema = z.record(z.string().regex(WEBHOOK_NAME), entrySchema);

/** Webhook name (an agency id, or an out-of-hours route named in content/agencies.yaml) → webhook. */
export type AlertWebhooks = Record<string, AlertWebhook>;

/**
 * Parses ALERT_WEBHOOKS, a JSON object of agency id (or out-of-hours route name) → webhook, given as its
 * URL (Slack) or as {"url", "format": "slack" | "teams"} (unset or blank: no webhooks). Throws an Error
 * naming the variable and the entry at fault; the message never quotes a URL, since the URL itself is
 * the secret. (A plain Error, not ConfigError: the config schema calls this and wraps the message, and
 * importing ConfigError here would make the two modules a cycle.)
 */
export function parseAlertWebhooks(raw: string | undefined): AlertWebhooks {
  if (raw === undefined || raw.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // JSON.parse's own message can quote the text around the fault, which may be a URL.
    throw new Error(`${VARIABLE} is not valid JSON (expected {"agency-id": "https://…"})`);
  }
  const parsed = webhooksSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Error([...new Set(parsed.error.issues.map(describeIssue))].join('; '));
}

/**
 * Throws an Error naming every key of the webhooks that is neither an agency in the directory nor an
 * out-of-hours route that content/agencies.yaml names (a typo would otherwise alert nobody, silently).
 */
export function checkWebhookAgencies(webhooks: Readonly<AlertWebhooks>, knownNames: Iterable<string>): void {
  const known = new Set(knownNames);
  const unknown = Object.keys(webhooks).filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const plural = unknown.length === 1 ? 'agency' : 'agencies';
  throw new Error(`${VARIABLE} names unknown ${plural} ${unknown.map(safeKey).join(', ')} (neither an agency nor an out-of-hours route in content/agencies.yaml)`);
}

/** True for an https URL, or an http URL to this machine. */
export function isWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // A key that is not an agency id is not echoed: a swapped key and value would put the URL there.
  if (issue.code === 'invalid_key') return `${VARIABLE} has a key that is not an agency id or route name (lower case letters, digits and hyphens)`;
  const [key, field] = issue.path;
  if (key === undefined) return `${VARIABLE} must be a JSON object of agency id to webhook URL`;
  const at = `${VARIABLE}.${safeKey(key)}`;
  // Never the value, nor an unknown field's name: either could be a URL pasted in the wrong place.
  if (field === 'url') return issue.code === 'custom' ? `${at} ${URL_RULE}` : `${at}.url must be a URL string`;
  if (field === 'format') return `${at}.format must be "slack" or "teams"`;
  if (issue.code === 'unrecognized_keys') return `${at} may hold only "url" and "format"`;
  return `${at} ${ENTRY_RULE}`;
}

function safeKey(key: PropertyKey): string {
  return typeof key === 'string' && WEBHOOK_NAME.test(key) ? key : '(a key that is not an agency id)';
}
