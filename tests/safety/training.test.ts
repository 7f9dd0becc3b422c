import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLanguageModel, buildSafetyModel, formatModelFile } from '../../scripts/safety/train';
import { loadConceptLexicon } from '../../src/safety/conceptLexicon';
import { LANGUAGE_MODEL_FILE } from '../../src/language/languageModel';
import { SAFETY_MODEL_FILE } from '../../src/safety/safetyModel';
import { contentDir, safety } from '../helpers/transcript';

/**
 * Training is reproducible: the same corpus, lexicon and settings give the committed model files byte
 * for byte. This also fails if someone edits a model file by hand, or changes the train or dev split or
 * the lexicon without retraining (npm run train:safety).
 */
describe('npm run train:safety', () => {
  const root = join(contentDir, '..');

  it('gives back content/safety-model.json exactly, from the train split and thresholds chosen on dev', () => {
    const file = buildSafetyModel(root, safety.rules, loadConceptLexicon(contentDir).lexicon);
    expect(file.training.thresholdWriters.some((w) => file.training.trainWriters.includes(w))).toBe(false);
    expect(formatModelFile(file)).toBe(readFileSync(join(contentDir, SAFETY_MODEL_FILE), 'utf8'));
  }, 180_000);

  it('gives back content/language-model.json exactly', () => {
    expect(formatModelFile(buildLanguageModel(root))).toBe(readFileSync(join(contentDir, LANGUAGE_MODEL_FILE), 'utf8'));
  }, 120_000);
});
