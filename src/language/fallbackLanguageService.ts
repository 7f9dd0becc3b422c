import type { LanguageService, TextAnalysis } from './languageService';
import type { Logger } from '../logging/logger';

export type FallbackReason = 'timeout' | 'http-429' | 'error';

/** The primary did not answer within the overall budget (it may have ignored its own abort signal). */
export class LanguageTimeoutError extends Error {
  constructor() {
    super('language service timed out');
    this.name = 'LanguageTimeoutError';
  }
}

/** Why the primary failed, in words fit for a log: a reason and an HTTP status, never a message. */
export function fallbackReason(err: unknown): { reason: FallbackReason; status?: number } {
  const { name, statusCode } = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; statusCode?: unknown };
  if (err instanceof LanguageTimeoutError || name === 'AbortError' || name === 'TimeoutError') return { reason: 'timeout' };
  if (statusCode === 429) return { reason: 'http-429', status: 429 };
  return typeof statusCode === 'number' ? { reason: 'error', status: statusCode } : { reason: 'error' };
}

/**
 * Tries the primary service (Azure) and, on any error or after `timeoutMs`, answers with the fallback
 * (local) instead. Logs a warning with a code and a reason only, never the texts.
 */
export class FallbackLanguageService implements LanguageService {
  constructor(
    private readonly primary: LanguageService,
    private readonly fallback: LanguageService,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {
    if (!(timeoutMs > 0)) throw new Error('FallbackLanguageService: timeoutMs must be positive');
  }

  async analyse(texts: readonly string[]): Promise<TextAnalysis[]> {
    try {
      const results = await withTimeout(this.primary.analyse(texts), this.timeoutMs);
      if (results.length !== texts.length) throw new Error('primary answered for the wrong number of texts');
      return results;
    } catch (err) {
      this.logger.warn({ code: 'LANGUAGE_FALLBACK', ...fallbackReason(err), err }, 'language service failed: local analysis used');
      return this.fallback.analyse(texts);
    }
  }
}

/** The promise's outcome, or a LanguageTimeoutError after `ms`: whichever comes first. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LanguageTimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
