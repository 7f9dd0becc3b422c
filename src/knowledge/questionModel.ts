import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/loadYaml';
import { readModelContent } from '../content/modelFile';
import { LinearModel, linearModelSchema, trainingSettingsShape } from '../classifier/linearModel';
import type { Lexicon } from './lexicon';
import { questionParts, questionWindows } from './questionText';

/*
 * The question classifier: a multinomial logistic regression over the words, letter groups and lexicon
 * terms of a question, with one class per answer topic and one for "not something we answer". Trained
 * by `npm run train:questions` on the question corpus's train split and the answers' own phrasings, with
 * its thresholds chosen on the dev split, and written to content/question-model.json.
 */

export const OUT_OF_SCOPE = 'out-of-scope';
export const QUESTION_MODEL_FILE = 'question-model.json';

const probability = z.number().min(0).max(1);

export const questionModelFileSchema = z.strictObject({
  format: z.literal('clearsight-question-model/1'),
  training: z.strictObject({
    ...trainingSettingsShape,
    dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
    examples: z.number().int().positive(),
    trainWriters: z.array(z.string()),
    thresholdWriters: z.array(z.string()),
  }),
  /**
   * answer: the best topic's share (classifier and search together) needed to answer at once;
   * suggest: needed to be offered in "did you mean"; searchWeight: how much the search's view counts.
   */
  thresholds: z.strictObject({ answer: probability, suggest: probability, searchWeight: probability }),
  model: linearModelSchema.refine((m) => m.classes.includes(OUT_OF_SCOPE), `the classes must include ${OUT_OF_SCOPE}`),
});

export type QuestionModelFile = z.infer<typeof questionModelFileSchema>;

/** Each topic's probability for a question, best first. */
export type TopicProbabilities = Array<{ topic: string; p: number }>;

export class QuestionClassifier {
  readonly model: LinearModel;

  /**
   * @param prepare what the text goes through before it is read (the places masked: see maskPlaces); the
   * same in training and in use.
   */
  constructor(
    readonly file: QuestionModelFile,
    private readonly lexicon: Lexicon,
    private readonly prepare: (text: string) => string = (text) => text,
  ) {
    this.model = new LinearModel(file.model);
  }

  /** The probabilities for the text as one piece. */
  scoreText(text: string): number[] {
    const { tokens, terms } = questionParts(this.prepare(text), this.lexicon);
    return this.model.probabilitiesOf(tokens, terms, []);
  }

  /**
   * The probabilities for a question. A long message is also scored piece by piece (see questionWindows),
   * and the piece surest of a topic we answer is averaged with the whole: the question after a long story
   * gets a voice of its own, and the story still counts. (On dev this answered as many questions as the
   * whole message alone with no more wrong answers, and more at the looser thresholds; taking the surest
   * piece instead of the whole gave more wrong answers.)
   */
  probabilities(text: string): TopicProbabilities {
    const whole = this.scoreText(text);
    const out = this.model.classes.indexOf(OUT_OF_SCOPE);
    const surest = (p: number[]) => Math.max(...p.filter((_, i) => i !== out));
    let best: number[] | undefined;
    for (const piece of questionWindows(text)) {
      const p = this.scoreText(piece);
      if (!best || surest(p) > surest(best)) best = p;
    }
    const p = best ? whole.map((v, i) => (v + best[i]!) / 2) : whole;
    return this.model.classes.map((topic, i) => ({ topic, p: p[i]! })).sort((a, b) => b.p - a.p);
  }
}

export function questionModelFrom(raw: unknown, where = QUESTION_MODEL_FILE): QuestionModelFile {
  const parsed = questionModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(`${where}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function loadQuestionModel(contentDir: string): QuestionModelFile {
  const file = join(contentDir, QUESTION_MODEL_FILE);
  return questionModelFrom(readModelContent(file), file);
}
