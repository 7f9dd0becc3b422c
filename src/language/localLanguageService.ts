import { detectLanguage } from './detectLanguage';
import { findPersonalDetails } from './findPersonalDetails';
import type { LanguageService, TextAnalysis } from './languageService';

/**
 * The default language service: UK-aware patterns for personal details and tinyld for the language.
 * No network, so it is also the fallback when Azure fails or is slow.
 */
export class LocalLanguageService implements LanguageService {
  async analyse(texts: readonly string[]): Promise<TextAnalysis[]> {
    return texts.map((text) => ({
      details: findPersonalDetails(text),
      language: detectLanguage(text),
      detectedBy: 'local' as const,
    }));
  }
}
