import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/loadYaml';
import { readModelContent } from '../content/modelFile';
import { foldText, tokensOf } from '../classifier/foldText';
import { LinearModel, linearModelSchema } from '../classifier/linearModel';

/*
 * A language identifier trained on the corpus's train split: English and the eight languages the
 * service carries a safety block for, as people type them on phones (Slovak and Czech without accents,
 * Urdu and Punjabi in Latin letters, Punjabi in Shahmukhi). Written by `npm run train:safety` to
 * content/language-model.json. It only knows these nine: telling them from any other language is
 * left to the general detector (see messageLanguage).
 */

export const MODEL_LANGUAGES = ['en', 'pl', 'ro', 'sk', 'cs', 'uk', 'ur', 'ar', 'pa'] as const;
export type ModelLanguage = (typeof MODEL_LANGUAGES)[number];

export const languageModelFileSchema = z.strictObject({
  format: z.literal('clearsight-language-model/1'),
  training: z.strictObject({
    seed: z.number().int(),
    dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
    examples: z.number().int().positive(),
  }),
  model: linearModelSchema.refine((m) => m.classes.join() === MODEL_LANGUAGES.join(), `classes must be ${MODEL_LANGUAGES.join(', ')}`),
});

export type LanguageModelFile = z.infer<typeof languageModelFileSchema>;

export const LANGUAGE_MODEL_FILE = 'language-model.json';

export class LanguageIdentifier {
  private readonly model: LinearModel;

  constructor(file: LanguageModelFile) {
    this.model = new LinearModel(file.model);
  }

  /** The most likely of the nine languages and how sure the model is (0 to 1). */
  identify(text: string): { language: ModelLanguage; probability: number } {
    const p = this.model.probabilitiesOf(tokensOf(foldText(text)), [], []);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
    return { language: MODEL_LANGUAGES[best]!, probability: p[best]! };
  }
}

export function languageIdentifierFrom(raw: unknown, where = LANGUAGE_MODEL_FILE): LanguageIdentifier {
  const parsed = languageModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(`${where}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  return new LanguageIdentifier(parsed.data);
}

export function loadLanguageIdentifier(contentDir: string): LanguageIdentifier {
  const file = join(contentDir, LANGUAGE_MODEL_FILE);
  return languageIdentifierFrom(readModelContent(file), file);
}
