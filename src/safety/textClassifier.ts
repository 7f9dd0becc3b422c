import { LinearModel, type LinearModelData } from '../classifier/linearModel';
import type { FeatureOptions } from '../classifier/features';

/** The safety classifier's classes, in the order its model file keeps them. */
export const CLASSIFIER_CLASSES = ['none', 'danger', 'self-harm', 'disclosure'] as const;
export type ClassifierClass = (typeof CLASSIFIER_CLASSES)[number];
export type ClassProbabilities = Record<ClassifierClass, number>;

/** The safety classifier: a linear model whose classes are exactly none, danger, self-harm, disclosure. */
export class TextClassifier {
  private readonly model: LinearModel;

  constructor(data: LinearModelData) {
    if (data.classes.join() !== CLASSIFIER_CLASSES.join()) throw new Error(`a safety model's classes must be ${CLASSIFIER_CLASSES.join(', ')}`);
    this.model = new LinearModel(data);
  }

  get featureOptions(): FeatureOptions {
    return this.model.featureOptions;
  }

  get windowWords(): number {
    return this.model.windowWords;
  }

  get size(): number {
    return this.model.size;
  }

  /** For training and evaluation: the probabilities for a list of feature names. */
  probabilities(features: readonly string[]): ClassProbabilities {
    return byClass(this.model.probabilities(features));
  }

  /** For every message: the probabilities, with the features hashed in place. */
  probabilitiesOf(tokens: readonly string[], concepts: readonly string[], cues: readonly string[]): ClassProbabilities {
    return byClass(this.model.probabilitiesOf(tokens, concepts, cues));
  }
}

function byClass(p: readonly number[]): ClassProbabilities {
  return { none: p[0]!, danger: p[1]!, 'self-harm': p[2]!, disclosure: p[3]! };
}
