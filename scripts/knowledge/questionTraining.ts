import { featuresOf, type FeatureOptions } from '../../src/classifier/features';
import { trainingSettings, trainLinearModel, type TrainingExample, type TrainingOptions } from '../../src/classifier/trainLinearModel';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { decide, ModelPicker } from '../../src/knowledge/modelPicker';
import { OUT_OF_SCOPE, QuestionClassifier, type QuestionModelFile } from '../../src/knowledge/questionModel';
import { questionParts } from '../../src/knowledge/questionText';
import type { Lexicon } from '../../src/knowledge/lexicon';
import { sha256 } from '../corpusFiles';
import { noisyCopies } from './augment';
import { figuresOf, outcomeOf, type PickerFigures } from './pickerEvaluation';
import { loadQuestionCorpus, loadQuestionSplits, type CorpusQuestion } from './questionCorpus';

/** The settings `npm run train:questions` uses (the method that won on dev: see compare.ts). */
export const QUESTION_FEATURES: FeatureOptions = { words: true, bigrams: true, chars: [3, 5], concepts: true, conceptPairs: false, ruleCues: false, phraseChars: null };

export const QUESTION_TRAINING: TrainingOptions = {
  features: QUESTION_FEATURES,
  windowWords: 1000,
  seed: 20261201,
  epochs: 30,
  learningRate: 1,
  l2: 1e-4,
  // Letter groups seen in fewer than three questions are left out: a third of the features, the same
  // figures on dev, and a model file that loads at start-up in a fraction of the time.
  minCount: 3,
  average: 3,
  prune: 0.01,
  classWeights: {},
};

/**
 * Noisy copies of each training question (augment.ts). One copy: 57.1% answered right on dev against
 * 53.9% without, at the same 2.9% wrong (eval:kb:compare, 2026-12-02).
 */
export const QUESTION_NOISY_COPIES = 1;

/** The targets the thresholds are chosen for, on dev: wrong answers and "did you mean" kept rare. */
export const TARGETS = { wrong: 0.03, didYouMean: 0.1, outOfScopeAnswered: 0.05 };

export function questionExample(text: string, label: string, lexicon: Lexicon, features: FeatureOptions): TrainingExample {
  const { tokens, terms } = questionParts(text, lexicon);
  return { features: featuresOf(tokens, terms, features), label };
}

/**
 * The training examples: the train split's questions, and every answer's title and phrasings, by topic
 * (a version without phrasings adds nothing);
 * with `noisy` > 0, that many noisy copies of each (see augment.ts).
 */
export function trainingExamples(kb: KnowledgeBase, train: readonly CorpusQuestion[], features: FeatureOptions, noisy = 0, seed = 1): { examples: TrainingExample[]; data: Array<[string, string]> } {
  const data: Array<[string, string]> = [];
  for (const q of train) {
    if (q.gap) continue;
    if (q.outOfScope) data.push([q.text, OUT_OF_SCOPE]);
    else if (kb.has(q.expected[0]!)) data.push([q.text, kb.topics.topicOfEntry(q.expected[0]!)]);
  }
  for (const e of kb.entries) {
    // A version with no phrasings of its own (one channel's) adds nothing: its topic is learnt from the others.
    if (!e.questions.length) continue;
    for (const text of [e.title, ...e.questions]) data.push([text, kb.topics.topicOfEntry(e.id)]);
  }
  const all = noisy > 0 ? data.flatMap(([text, label], i) => [[text, label] as [string, string], ...noisyCopies(text, noisy, seed + i).map((t) => [t, label] as [string, string])]) : data;
  return { examples: all.map(([text, label]) => questionExample(kb.prepareQuestion(text), label, kb.lexicon, features)), data: all };
}

export interface Thresholds {
  answer: number;
  suggest: number;
  searchWeight: number;
}

/**
 * The thresholds chosen on dev. Hard limits first: at most 3% of in-scope questions answered wrongly and at
 * most 5% of out-of-scope ones answered. Within them, the most people helped (right answers, and half a
 * point for a "did you mean" that offers the right one), with "did you mean" kept to 10% when that is
 * possible at all. If nothing meets the hard limits, the fewest wrong answers.
 */
export function chooseThresholds(kb: KnowledgeBase, file: QuestionModelFile, dev: readonly CorpusQuestion[], searchWeights: readonly number[]): { thresholds: Thresholds; figures: PickerFigures } {
  const classifier = new QuestionClassifier(file, kb.lexicon, kb.prepareQuestion);
  const tried: Array<{ thresholds: Thresholds; figures: PickerFigures }> = [];
  for (const searchWeight of searchWeights) {
    // The shares depend on the search weight only: work them out once, then try every pair of thresholds.
    const picker = new ModelPicker(classifier, kb.index, kb.topics, { answer: 1, suggest: 1, searchWeight });
    const shares = dev.map((q) => picker.shares(q.text));
    for (let a = 20; a <= 90; a += 5) {
      for (const below of [0, 5, 10, 15, 20, 25, 30]) {
        const thresholds = { answer: a / 100, suggest: Math.max(5, a - below) / 100, searchWeight };
        const outcomes = dev.map((q, i) => {
          const decided = decide(shares[i]!, thresholds);
          return outcomeOf(kb, q, { pick: () => decided }).outcome;
        });
        tried.push({ thresholds, figures: figuresOf(outcomes) });
      }
    }
  }
  const hard = tried.filter(({ figures: f }) => f.wrong <= TARGETS.wrong * f.inScope && f.outOfScopeAnswered <= TARGETS.outOfScopeAnswered * f.outOfScope);
  const soft = hard.filter(({ figures: f }) => f.didYouMean <= TARGETS.didYouMean * f.inScope);
  const helped = (f: PickerFigures) => f.right + 0.5 * f.didYouMeanRight - 0.001 * f.didYouMean;
  const pool = soft.length ? soft : hard;
  if (pool.length) return pool.reduce((best, t) => (helped(t.figures) > helped(best.figures) ? t : best));
  return tried.reduce((best, t) => (t.figures.wrong < best.figures.wrong ? t : best));
}

export interface BuildOptions {
  training?: TrainingOptions;
  searchWeights?: readonly number[];
  /**
   * After the thresholds are chosen on dev with a model trained on train alone, train once more on train
   * and dev together with the same settings, and ship that: more writers' ways of asking, the same
   * thresholds. (The dev figures of the shipped model are then no longer held out; the test split still is.)
   */
  refit?: boolean;
  /** Noisy copies of each training question (0: none). */
  noisy?: number;
}

/**
 * Trains on the train split (and the answers' phrasings), chooses the thresholds and the search weight on
 * dev, and (with refit) trains again on train and dev. Never reads the test split. Deterministic.
 */
export function buildQuestionModel(repoRoot: string, kb: KnowledgeBase, build: BuildOptions = {}): QuestionModelFile {
  const options = build.training ?? QUESTION_TRAINING;
  const searchWeights = build.searchWeights ?? [0, 0.1, 0.2, 0.3, 0.4];
  const splits = loadQuestionSplits(repoRoot);
  const train = loadQuestionCorpus(repoRoot, ['train']);
  const dev = loadQuestionCorpus(repoRoot, ['dev']);
  // One class per topic, in content order, then out of scope; every class's mistakes weigh the same.
  const classWeights = Object.fromEntries([...kb.topics.topics, OUT_OF_SCOPE].map((c) => [c, 1]));
  const fit = (questions: readonly CorpusQuestion[]) => {
    const { examples, data } = trainingExamples(kb, questions, options.features, build.noisy ?? QUESTION_NOISY_COPIES, options.seed);
    return { examples, data, model: trainLinearModel(examples, { ...options, classWeights }) };
  };
  const { examples, data, model } = fit(train);
  const draft: QuestionModelFile = {
    format: 'clearsight-question-model/1',
    training: {
      ...trainingSettings(options),
      dataSha256: sha256(JSON.stringify(data)),
      examples: examples.length,
      trainWriters: splits.train,
      thresholdWriters: splits.dev,
    },
    thresholds: { answer: 0.5, suggest: 0.2, searchWeight: 0 },
    model,
  };
  const { thresholds } = chooseThresholds(kb, draft, dev, searchWeights);
  if (!build.refit) return { ...draft, thresholds };
  const refitted = fit([...train, ...dev]);
  return {
    ...draft,
    training: { ...draft.training, dataSha256: sha256(JSON.stringify(refitted.data)), examples: refitted.examples.length, trainWriters: [...splits.train, ...splits.dev] },
    thresholds,
    model: refitted.model,
  };
}
