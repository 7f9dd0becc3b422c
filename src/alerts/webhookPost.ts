import { retryAfterMs } from './backoff';
import type { WebhookBody } from './webhookBody';

/** What one POST to a webhook came to. `reason` is safe to log: an HTTP status or an error class, never the URL. */
export type PostOutcome =
  | { ok: true; status: number }
  | { ok: false; reason: string; status?: number; retryAfterMs?: number };

/**
 * POSTs an alert's body (Slack message or Teams card) as JSON, giving up after `timeoutMs`. Never throws: a non-2xx answer, a
 * timeout or a network error comes back as a failed outcome. Redirects are not followed (an incoming
 * webhook does not redirect, so one means the URL is wrong) and count as failures.
 */
export async function postWebhook(fetchFn: typeof fetch, url: string, message: WebhookBody, timeoutMs: number, nowMs: number): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return { ok: false, reason: failureReason(err) };
  }
  // The answer's body says nothing we need ("ok" or "1"); cancelling it frees the connection.
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status };
  const { status } = response;
  const wait = status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after'), nowMs) : undefined;
  return { ok: false, status, reason: `HTTP ${status}`, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

/** "timeout", a system error code such as "ECONNREFUSED", or the error's class. Never its message, which names the host. */
function failureReason(err: unknown): string {
  // Duck-typed, not instanceof: fetch's errors can come from another realm (undici's own, or under jest).
  if (typeof err !== 'object' || err === null) return typeof err;
  const { name, cause } = err as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError') return 'timeout';
  const code = cause?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,40}$/.test(code)) return code;
  return typeof name === 'string' && /^\w{1,40}$/.test(name) ? name : 'Error';
}
