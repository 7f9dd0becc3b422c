import { softmax } from '../../src/classifier/linearModel';
import { CLASSIFIER_CLASSES, type ClassProbabilities } from '../../src/safety/textClassifier';
import type { TrainingExample } from '../../src/classifier/trainLinearModel';

/**
 * Multinomial naive Bayes over the same binary features, as a baseline for the comparison on dev
 * (it is not used by the service). Laplace smoothing; class priors from the training data.
 */
export function trainNaiveBayes(examples: readonly TrainingExample[], alpha = 0.5): (features: readonly string[]) => ClassProbabilities {
  const C = CLASSIFIER_CLASSES.length;
  const perClass = CLASSIFIER_CLASSES.map(() => new Map<string, number>());
  const totals = new Array<number>(C).fill(0);
  const docs = new Array<number>(C).fill(0);
  const vocabulary = new Set<string>();
  for (const e of examples) {
    const c = CLASSIFIER_CLASSES.indexOf(e.label as (typeof CLASSIFIER_CLASSES)[number]);
    docs[c]!++;
    for (const f of e.features) {
      perClass[c]!.set(f, (perClass[c]!.get(f) ?? 0) + 1);
      totals[c]!++;
      vocabulary.add(f);
    }
  }
  const V = vocabulary.size;
  const prior = docs.map((d) => Math.log((d + 1) / (examples.length + C)));
  return (features) => {
    const z = prior.map((p, c) => {
      let sum = p;
      for (const f of features) if (vocabulary.has(f)) sum += Math.log(((perClass[c]!.get(f) ?? 0) + alpha) / (totals[c]! + alpha * V));
      return sum;
    });
    const p = softmax(z);
    return { none: p[0]!, danger: p[1]!, 'self-harm': p[2]!, disclosure: p[3]! };
  };
}
