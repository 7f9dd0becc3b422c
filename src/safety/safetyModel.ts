import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/loadYaml';
import { readModelContent } from '../content/modelFile';
import type { ConceptLexicon } from './conceptLexicon';
import { LinearModel, featureCount, linearModelSchema, trainingSettingsShape, type LinearModelData } from '../classifier/linearModel';
import { CLASSIFIER_CLASSES, TextClassifier } from './textClassifier';

/*
 * The trained safety model (content/safety-model.json): the classifier, the thresholds chosen on the dev
 * split, and how it was trained. Written by `npm run train:safety`; loaded and checked at start-up.
 */

const probability = z.number().min(0).max(1);
const band = z
  .strictObject({ sure: probability, unsure: probability })
  .refine((b) => b.unsure <= b.sure, 'unsure must not be above sure');

export const thresholdsSchema = z.strictObject({
  danger: band,
  'self-harm': band,
  disclosure: z.strictObject({ sure: probability }),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

/** The reply variants: a small yes/no classifier each, on the same features, and its threshold (chosen on dev). */
export const REPLY_VARIANTS = ['overdose', 'hurt-nearby'] as const;

const variantSchema = z.strictObject({
  /** The corpus subkind it was trained to find ("overdose-taken", "hurt-heard"). */
  subkind: z.string().min(1),
  threshold: probability,
  model: linearModelSchema.refine((m) => m.classes.join() === 'other,yes', 'classes must be other, yes'),
});

export const safetyModelFileSchema = z.strictObject({
  format: z.literal('clearsight-safety-model/1'),
  training: z.strictObject({
    ...trainingSettingsShape,
    classWeights: z.record(z.string(), z.number().positive()),
    /** SHA-256 of the training messages and labels, in order. */
    dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** SHA-256 of the concept lexicon's terms: the model only makes sense with the same lexicon. */
    lexiconSha256: z.string().regex(/^[0-9a-f]{64}$/),
    examples: z.number().int().positive(),
    /** Which writers' messages it was trained on, and which chose the thresholds. */
    trainWriters: z.array(z.string()).min(1),
    thresholdWriters: z.array(z.string()).min(1),
  }),
  thresholds: thresholdsSchema,
  variants: z.strictObject({ overdose: variantSchema, 'hurt-nearby': variantSchema }),
  model: linearModelSchema.refine((m) => m.classes.join() === CLASSIFIER_CLASSES.join(), `classes must be ${CLASSIFIER_CLASSES.join(', ')}`),
});

export type SafetyModelFile = z.infer<typeof safetyModelFileSchema>;

export interface SafetyModel {
  classifier: TextClassifier;
  thresholds: Thresholds;
  variants: Record<(typeof REPLY_VARIANTS)[number], VariantClassifier>;
  training: SafetyModelFile['training'];
}

/** Whether an alarm message is of one kind that has its own reply (an overdose already taken, say). */
export class VariantClassifier {
  private readonly model: LinearModel;

  constructor(
    data: LinearModelData,
    readonly threshold: number,
  ) {
    this.model = new LinearModel(data);
  }

  probabilityOf(tokens: readonly string[], concepts: readonly string[], cues: readonly string[]): number {
    return this.model.probabilitiesOf(tokens, concepts, cues)[1]!;
  }
}

export const SAFETY_MODEL_FILE = 'safety-model.json';

/** Checks a parsed model file against the lexicon it must have been trained with. */
export function safetyModelFrom(raw: unknown, lexicon: ConceptLexicon, where = SAFETY_MODEL_FILE): SafetyModel {
  const parsed = safetyModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(`${where}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  const file = parsed.data;
  if (file.training.lexiconSha256 !== lexicon.fingerprint) {
    throw new ContentError(`${where}: trained with another version of safety-lexicon.yaml: run npm run train:safety`);
  }
  if (featureCount(file.model.rows) === 0) throw new ContentError(`${where}: the model has no weights`);
  const variant = (v: SafetyModelFile['variants']['overdose']) => new VariantClassifier(v.model, v.threshold);
  return {
    classifier: new TextClassifier(file.model),
    thresholds: file.thresholds,
    variants: { overdose: variant(file.variants.overdose), 'hurt-nearby': variant(file.variants['hurt-nearby']) },
    training: file.training,
  };
}

/** Loads content/safety-model.json and checks it. */
export function loadSafetyModel(contentDir: string, lexicon: ConceptLexicon): SafetyModel {
  const file = join(contentDir, SAFETY_MODEL_FILE);
  return safetyModelFrom(readModelContent(file), lexicon, file);
}
