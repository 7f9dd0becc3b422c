import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';

/*
 * The short fixed blocks for people who write in another language (content/safety-languages.yaml): in
 * danger now, ring 999; you can ask for an interpreter; the Modern Slavery & Exploitation Helpline takes
 * calls in 200+ languages. One block for each language the service supports, and one in English for any
 * other language. Each translation says whether a native speaker has checked it yet.
 */

export const BLOCK_LANGUAGES = ['pl', 'ro', 'sk', 'cs', 'uk', 'ur', 'ar', 'pa'] as const;
export type BlockLanguage = (typeof BLOCK_LANGUAGES)[number];

const translationSchema = z.strictObject({
  /** The language's English name, and its own name for itself. */
  name: z.string().min(1),
  native: z.string().min(1),
  check: z.enum(['awaiting-native-speaker', 'checked']),
  /** The block itself; must give 999 and the helpline number as digits. */
  block: z.string().min(1).includes('999').includes('08000 121 700'),
  /** "Is someone in danger right now?" */
  checkIn: z.string().min(1),
  /** Words for yes and no in this language (the English ones always work too). */
  yes: z.array(z.string().min(1)).min(1),
  no: z.array(z.string().min(1)).min(1),
  /** The translator's English back-translation, for the reviewer. */
  backTranslation: z.string().min(1),
});

const fileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  /** The English text every translation is made from, shown as it is for any other language. */
  english: z.string().min(1).includes('999').includes('08000 121 700'),
  sources: z.array(z.url()).min(1),
  languages: z.strictObject(Object.fromEntries(BLOCK_LANGUAGES.map((code) => [code, translationSchema])) as Record<BlockLanguage, typeof translationSchema>),
});

export type SafetyLanguagesFile = z.infer<typeof fileSchema>;
export type Translation = z.infer<typeof translationSchema>;

export interface SafetyLanguages {
  /** The block for English text's readers who wrote in a language we have no translation for. */
  english: string;
  translations: Readonly<Record<BlockLanguage, Translation>>;
  /** Where the block's facts come from (999, the helpline and its languages). */
  sources: readonly string[];
  /** Languages whose translation a native speaker has not checked yet (npm run content:check lists them). */
  awaitingCheck: BlockLanguage[];
}

export function loadSafetyLanguages(contentDir: string): SafetyLanguages {
  const file = loadYaml(join(contentDir, 'safety-languages.yaml'), fileSchema);
  return {
    english: file.english,
    translations: file.languages,
    sources: file.sources,
    awaitingCheck: BLOCK_LANGUAGES.filter((code) => file.languages[code].check === 'awaiting-native-speaker'),
  };
}
