import type { TextAnalysisClientOptions } from '@azure/ai-language-text';

type AdditionalPolicy = NonNullable<TextAnalysisClientOptions['additionalPolicies']>[number];

const RETRY_AFTER_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after'] as const;

/** How long a response asks the client to wait, in ms, or undefined when it does not say. */
export function retryAfterMs(header: (name: string) => string | undefined): number | undefined {
  for (const name of RETRY_AFTER_HEADERS) {
    const value = header(name);
    if (value === undefined) continue;
    const unit = name === 'retry-after' ? 1000 : 1;
    if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value) * unit;
    const date = Date.parse(value);
    if (name === 'retry-after' && Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return undefined;
}

/**
 * A pipeline policy (run on every attempt) that stops the SDK from waiting out a long Retry-After: when
 * a 429 or 503 asks for more than `maxWaitMs`, the header is removed, so the SDK's throttling retry
 * skips it and the 429 comes straight back (and the fallback answers at once, logged as a 429).
 */
export function retryAfterCap(maxWaitMs: number): AdditionalPolicy {
  return {
    position: 'perRetry',
    policy: {
      name: 'clearsightRetryAfterCap',
      async sendRequest(request, next) {
        const response = await next(request);
        if (response.status !== 429 && response.status !== 503) return response;
        const wait = retryAfterMs((name) => response.headers.get(name));
        if (wait !== undefined && wait > maxWaitMs) for (const name of RETRY_AFTER_HEADERS) response.headers.delete(name);
        return response;
      },
    },
  };
}
