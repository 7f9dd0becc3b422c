import { z } from 'zod';

const VARIABLE = 'ALERT_WEBHOOKS';
const AGENCY_ID = /^[a-z0-9-]+$/;
/** Plain http is allowed only to this machine (a test receiver); anything else must be https. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const URL_RULE = 'must be an https URL (http only to 127.0.0.1 or localhost)';

const webhooksSchema = z.record(z.string().regex(AGENCY_ID), z.string().refine(isWebhookUrl, URL_RULE));

/** Agency id → incoming-webhook URL. Agencies not listed get no alerts. */
export type AlertWebhooks = Record<string, string>;

/**
 * Parses ALERT_WEBHOOKS, a JSON object of agency id → Slack or Teams incoming-webhook URL (unset or
 * blank: no webhooks). Throws an Error naming the variable and the agency at fault; the message never
 * quotes a URL, since the URL itself is the secret. (A plain Error, not ConfigError: the config schema
 * calls this and wraps the message, and importing ConfigError here would make the two modules a cycle.)
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
  throw new Error(parsed.error.issues.map(describeIssue).join('; '));
}

/** Throws an Error naming every agency in the webhooks that the agency directory does not know. */
export function checkWebhookAgencies(webhooks: Readonly<AlertWebhooks>, knownAgencyIds: Iterable<string>): void {
  const known = new Set(knownAgencyIds);
  const unknown = Object.keys(webhooks).filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const plural = unknown.length === 1 ? 'agency' : 'agencies';
  throw new Error(`${VARIABLE} names unknown ${plural} ${unknown.map(safeKey).join(', ')}`);
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
  if (issue.code === 'invalid_key') return `${VARIABLE} has a key that is not an agency id (lower case letters, digits and hyphens)`;
  const key = issue.path[0];
  if (key === undefined) return `${VARIABLE} must be a JSON object of agency id to webhook URL`;
  const rule = issue.code === 'custom' ? URL_RULE : 'must be a URL string';
  return `${VARIABLE}.${safeKey(key)} ${rule}`;
}

function safeKey(key: PropertyKey): string {
  return typeof key === 'string' && AGENCY_ID.test(key) ? key : '(a key that is not an agency id)';
}
