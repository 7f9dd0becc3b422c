import { foldText, tokensOf } from '../../src/safety/classifierText';
import type { ConceptLexicon } from '../../src/safety/conceptLexicon';
import { featuresOf, type FeatureOptions } from '../../src/safety/features';
import { ruleCues } from '../../src/safety/safetyCheck';
import type { SafetyRules } from '../../src/safety/safetyRules';
import type { TrainingExample, TrainingOptions } from '../../src/safety/trainClassifier';
import { sha256, type CorpusMessage } from './corpus';

/** The settings `npm run train:safety` uses: the method that won on the dev split (see compare.ts). */
export const FEATURES: FeatureOptions = { words: true, bigrams: true, chars: [3, 5], concepts: true, conceptPairs: true, ruleCues: true };

export const TRAINING: TrainingOptions = {
  features: FEATURES,
  windowWords: 200,
  seed: 20261201,
  epochs: 40,
  learningRate: 2,
  l2: 1e-4,
  minCount: 2,
  classWeights: { none: 1, danger: 2, 'self-harm': 2, disclosure: 1.5 },
};

/** A message as the classifier sees it, whole. */
export function exampleOf(message: Pick<CorpusMessage, 'text' | 'label'>, lexicon: ConceptLexicon, rules: SafetyRules, features: FeatureOptions): TrainingExample {
  const tokens = tokensOf(foldText(message.text));
  const cues = features.ruleCues ? ruleCues(message.text, rules) : [];
  return { features: featuresOf(tokens, lexicon.conceptsIn(tokens), features, cues), label: message.label };
}

/** SHA-256 of the training data: the texts and labels, in order. */
export function dataHash(messages: readonly CorpusMessage[]): string {
  return sha256(JSON.stringify(messages.map((m) => [m.text, m.label])));
}
