import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';
import { loadContent } from '../../src/content/botContent';
import { featureCount } from '../../src/classifier/linearModel';
import { QUESTION_MODEL_FILE } from '../../src/knowledge/questionModel';
import { formatModelFile } from '../safety/train';
import { buildQuestionModel } from './questionTraining';

/**
 * `npm run train:questions`: trains the question classifier and writes content/question-model.json.
 * Thresholds are chosen on dev with a model trained on train; the model shipped is then trained on train
 * and dev together (`-- --no-refit` ships the train-only model, to see its dev figures held out).
 */
function main(): void {
  const contentDir = defaultContentDir();
  const repoRoot = join(contentDir, '..');
  const started = Date.now();
  const { knowledge } = loadContent(contentDir);
  const file = buildQuestionModel(repoRoot, knowledge, { refit: !process.argv.includes('--no-refit') });
  const text = formatModelFile(file);
  writeFileSync(join(contentDir, QUESTION_MODEL_FILE), text);
  const t = file.thresholds;
  console.log(`train:questions: ${file.training.examples} examples (questions from ${file.training.trainWriters.join(', ')} and the answers' phrasings)`);
  console.log(`  ${file.model.classes.length} classes, ${featureCount(file.model.rows)} features kept, ${(text.length / 1024).toFixed(0)} KB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  chosen on ${file.training.thresholdWriters.join(', ')}: answer at ${t.answer}, suggest at ${t.suggest}, search weight ${t.searchWeight}`);
  console.log(`  written to content/${QUESTION_MODEL_FILE}`);
}

if (require.main === module) main();
