import { foldText, tokensOf } from '../../src/classifier/foldText';
import type { ConceptLexicon } from '../../src/safety/conceptLexicon';
import { featuresOf, type FeatureOptions } from '../../src/classifier/features';
import { ruleCues } from '../../src/safety/safetyCheck';
import type { SafetyRules } from '../../src/safety/safetyRules';
import type { TrainingExample, TrainingOptions } from '../../src/classifier/trainLinearModel';
import { sha256, type CorpusMessage } from './corpus';

/** The settings `npm run train:safety` uses: the method that won on the dev split (see compare.ts). */
export const FEATURES: FeatureOptions = { words: true, bigrams: true, chars: [3, 5], concepts: true, conceptPairs: true, ruleCues: true, phraseChars: [4, 6] };

export const TRAINING: TrainingOptions = {
  features: FEATURES,
  windowWords: 200,
  seed: 20261201,
  epochs: 40,
  learningRate: 2,
  l2: 1e-4,
  minCount: 2,
  average: 3,
  prune: 0.05,
  classWeights: { none: 1, danger: 1, 'self-harm': 1, disclosure: 1 },
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

/** The language identifier's settings: letter groups and words, nothing else. */
export const LANGUAGE_TRAINING: TrainingOptions = {
  features: { words: true, bigrams: false, chars: [1, 4], concepts: false, conceptPairs: false, ruleCues: false, phraseChars: null },
  windowWords: 1000,
  seed: 20261201,
  epochs: 20,
  learningRate: 2,
  l2: 1e-4,
  minCount: 2,
  average: 1,
  prune: 0.001,
  // English is most of the corpus: the other languages' mistakes weigh more.
  classWeights: { en: 1, pl: 3, ro: 3, sk: 3, cs: 3, uk: 3, ur: 3, ar: 3, pa: 3 },
};

/** A message for the language identifier: its letter groups and words, labelled with its language. */
export function languageExampleOf(message: Pick<CorpusMessage, 'text' | 'lang'>): TrainingExample {
  return { features: featuresOf(tokensOf(foldText(message.text)), [], LANGUAGE_TRAINING.features), label: message.lang };
}

/** SHA-256 of the language training data: the texts and languages, in order. */
export function languageDataHash(messages: readonly CorpusMessage[]): string {
  return sha256(JSON.stringify(messages.map((m) => [m.text, m.lang])));
}
