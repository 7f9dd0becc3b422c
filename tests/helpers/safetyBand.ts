import { loadConceptLexicon } from '../../src/safety/conceptLexicon';
import type { Safety } from '../../src/safety/safety';
import { SafetyDetector } from '../../src/safety/safetyDetector';
import { loadSafetyModel, type Thresholds } from '../../src/safety/safetyModel';
import { contentDir, safety } from './transcript';

const { lexicon } = loadConceptLexicon(contentDir);
const model = loadSafetyModel(contentDir, lexicon);

/**
 * The real safety check (rules, lexicon, model), with the thresholds moved so that `text` falls in the
 * unsure band for `kind`: the check-in question can then be tested on any message, whatever a
 * retrained model scores it. Messages that score lower on `kind` stay below the band.
 */
export function safetyUnsureAbout(text: string, kind: 'danger' | 'self-harm' = 'danger'): Safety {
  const p = new SafetyDetector(safety.rules, lexicon, model).score(text).probabilities[kind];
  const off = { unsure: 1, sure: 1 };
  const band = { unsure: p * 0.999, sure: Math.min(1, p * 1.001 + 1e-9) };
  const thresholds: Thresholds = {
    danger: kind === 'danger' ? band : off,
    'self-harm': kind === 'self-harm' ? band : off,
    disclosure: model.thresholds.disclosure,
  };
  return { ...safety, detector: new SafetyDetector(safety.rules, lexicon, { ...model, thresholds }) };
}

/** The real safety check with the model's alarms switched off (the rules still answer): a chat that never asks. */
export function safetyWithoutModelAlarms(): Safety {
  const off = { unsure: 1, sure: 1 };
  const thresholds: Thresholds = { danger: off, 'self-harm': off, disclosure: model.thresholds.disclosure };
  return { ...safety, detector: new SafetyDetector(safety.rules, lexicon, { ...model, thresholds }) };
}
