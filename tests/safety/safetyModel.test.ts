import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/content/loadYaml';
import { ConceptLexicon, loadConceptLexicon } from '../../src/safety/conceptLexicon';
import { SAFETY_MODEL_FILE, safetyModelFrom } from '../../src/safety/safetyModel';
import { contentDir } from '../helpers/transcript';

const { lexicon } = loadConceptLexicon(contentDir);
const raw = JSON.parse(readFileSync(join(contentDir, SAFETY_MODEL_FILE), 'utf8')) as Record<string, unknown> & { model: Record<string, unknown>; thresholds: Record<string, unknown> };

describe('the safety model file, checked at start-up', () => {
  it('loads, trained on the train split with thresholds from the dev split, never the test split', () => {
    const model = safetyModelFrom(raw, lexicon);
    expect(model.classifier.size).toBeGreaterThan(1000);
    expect(model.training.trainWriters).not.toEqual(expect.arrayContaining(['w07']));
    expect(model.training.thresholdWriters).not.toEqual(expect.arrayContaining(['w07', 'w08']));
  });

  it('is refused with a lexicon other than the one it was trained with', () => {
    const other = new ConceptLexicon({ owner: 'o', reviewed: '2026-12-01', concepts: { knife: 'k' }, languages: { en: { name: 'English', check: 'not-needed', terms: { knife: ['knife'] } } } as never });
    expect(() => safetyModelFrom(raw, other)).toThrow(/another version of safety-lexicon.yaml: run npm run train:safety/);
  });

  it('is refused when damaged: wrong classes, a bad weight, thresholds out of order', () => {
    expect(() => safetyModelFrom({ ...raw, model: { ...raw.model, classes: ['none', 'danger'] } }, lexicon)).toThrow(ContentError);
    const rows = (raw.model.rows as unknown[][]).slice(0, 3).map((r, i) => (i === 1 ? [r[0], 'x', 0, 0, 0] : r));
    expect(() => safetyModelFrom({ ...raw, model: { ...raw.model, rows } }, lexicon)).toThrow(/not a finite number/);
    expect(() => safetyModelFrom({ ...raw, thresholds: { ...raw.thresholds, danger: { sure: 0.2, unsure: 0.5 } } }, lexicon)).toThrow(/unsure must not be above sure/);
    expect(() => safetyModelFrom({ ...raw, format: 'v0' }, lexicon)).toThrow(ContentError);
  });
});
