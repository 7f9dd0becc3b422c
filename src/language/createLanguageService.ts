import { AzureLanguageService } from './azureLanguageService';
import { FallbackLanguageService } from './fallbackLanguageService';
import type { LanguageService } from './languageService';
import { LocalLanguageService } from './localLanguageService';
import type { Logger } from '../logging/logger';

export interface LanguageConfig {
  LANGUAGE_ENDPOINT?: string;
  LANGUAGE_KEY?: string;
  LANGUAGE_TIMEOUT_MS: number;
}

/**
 * Extra time the fallback's own clock allows beyond Azure's abort signal, so that Azure's answer
 * (a 429, an error) arrives and is logged as such; the clock still catches an SDK that hangs.
 */
const GRACE_MS = 500;

/** Azure with the local service as fallback when both endpoint and key are set; otherwise local only. */
export function createLanguageService(config: LanguageConfig, logger: Logger): LanguageService {
  const local = new LocalLanguageService();
  if (!config.LANGUAGE_ENDPOINT || !config.LANGUAGE_KEY) return local;
  const azure = new AzureLanguageService({
    endpoint: config.LANGUAGE_ENDPOINT,
    key: config.LANGUAGE_KEY,
    timeoutMs: config.LANGUAGE_TIMEOUT_MS,
  });
  return new FallbackLanguageService(azure, local, logger, config.LANGUAGE_TIMEOUT_MS + GRACE_MS);
}
