import { loadLanguageIdentifier } from '../language/languageModel';
import { loadConceptLexicon } from './conceptLexicon';
import { messageLanguage, type MessageLanguage } from './messageLanguage';
import { SafetyDetector } from './safetyDetector';
import { loadSafetyLanguages, type SafetyLanguages } from './safetyLanguages';
import { loadSafetyModel } from './safetyModel';
import { loadSafetyRules, type SafetyRules } from './safetyRules';

/** Everything the safety check needs, loaded once at start-up: rules and replies, lexicon, model, language blocks. */
export interface Safety {
  detector: SafetyDetector;
  /** The rules file, which also holds the English replies. */
  rules: SafetyRules;
  languages: SafetyLanguages;
  /** The lexicon's languages whose terms await a native speaker's check (npm run content:check lists them). */
  lexiconAwaitingCheck: string[];
  /** Which language block a message needs (undefined: English, or too short to tell). */
  languageOf: (text: string) => MessageLanguage | undefined;
}

/** Loads and checks the safety content; a bad or mismatched file stops start-up with its name. */
export function loadSafety(contentDir: string): Safety {
  const rules = loadSafetyRules(contentDir);
  const { lexicon, awaitingCheck } = loadConceptLexicon(contentDir);
  const model = loadSafetyModel(contentDir, lexicon);
  const identifier = loadLanguageIdentifier(contentDir);
  return {
    detector: new SafetyDetector(rules, lexicon, model),
    rules,
    languages: loadSafetyLanguages(contentDir),
    lexiconAwaitingCheck: awaitingCheck,
    languageOf: (text) => messageLanguage(text, identifier),
  };
}
