import { join } from 'node:path';
import { loadContent } from '../../src/content/botContent';
import { defaultContentDir } from '../../src/content/contentDir';
import type { FeatureOptions } from '../../src/classifier/features';
import { featureCount } from '../../src/classifier/linearModel';
import { ModelPicker } from '../../src/knowledge/modelPicker';
import { QuestionClassifier } from '../../src/knowledge/questionModel';
import { SearchPicker } from '../../src/knowledge/searchPicker';
import { evaluatePicker, pickerLine } from './pickerEvaluation';
import { loadQuestionCorpus } from './questionCorpus';
import { buildQuestionModel, QUESTION_FEATURES, QUESTION_TRAINING } from './questionTraining';

/*
 * npm run eval:kb:compare — the answer-picking methods side by side on the dev split (train for
 * reference): the first version's search (BM25 with coverage rules); trained classifiers with different
 * features, each with its thresholds chosen on dev; and the hybrid (classifier blended with search).
 * Every model here is trained on the train split alone (no refit), so the dev figures are held out.
 * Never reads the test split.
 */

interface Method {
  name: string;
  features?: FeatureOptions;
  searchWeights?: number[];
  /** Noisy copies of each training question (augment.ts). */
  noisy?: number;
}

const METHODS: Method[] = [
  { name: 'search (BM25 + coverage rules, the first version)' },
  { name: 'classifier: words and word pairs', features: { ...QUESTION_FEATURES, chars: null, phonetic: false }, searchWeights: [0] },
  { name: 'classifier: + letter groups (3-5)', features: { ...QUESTION_FEATURES, phonetic: false }, searchWeights: [0] },
  { name: 'classifier: + letter groups + sound-alike keys', features: { ...QUESTION_FEATURES, phonetic: true }, searchWeights: [0] },
  { name: 'hybrid: classifier (words and word pairs) blended with search', features: { ...QUESTION_FEATURES, chars: null }, searchWeights: [0.1, 0.2, 0.3, 0.4, 0.5] },
  { name: 'hybrid: classifier (letter groups) blended with search', features: QUESTION_FEATURES, searchWeights: [0.1, 0.2, 0.3, 0.4, 0.5], noisy: 0 },
  { name: 'hybrid, trained with a noisy copy of each question (text-speak, dropped letters): the method shipped', features: QUESTION_FEATURES, searchWeights: [0.1, 0.2, 0.3, 0.4, 0.5], noisy: 1 },
];

function main(): void {
  const contentDir = defaultContentDir();
  const repoRoot = join(contentDir, '..');
  const { knowledge: kb } = loadContent(contentDir);
  const train = loadQuestionCorpus(repoRoot, ['train']);
  const dev = loadQuestionCorpus(repoRoot, ['dev']);
  console.log(`eval:kb:compare: ${train.length} train and ${dev.length} dev questions; thresholds chosen on dev for each method\n`);
  for (const m of METHODS) {
    const started = Date.now();
    let picker;
    let settings = '';
    if (!m.features) picker = new SearchPicker(kb.index, kb.topics);
    else {
      const file = buildQuestionModel(repoRoot, kb, { training: { ...QUESTION_TRAINING, features: m.features }, searchWeights: m.searchWeights, noisy: m.noisy ?? 0 });
      picker = new ModelPicker(new QuestionClassifier(file, kb.lexicon, kb.prepareQuestion), kb.index, kb.topics, file.thresholds);
      settings = ` [answer at ${file.thresholds.answer}, suggest at ${file.thresholds.suggest}, search weight ${file.thresholds.searchWeight}; ${featureCount(file.model.rows)} features]`;
    }
    console.log(`${m.name}${settings} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`  dev:   ${pickerLine(evaluatePicker(kb, dev, picker))}`);
    console.log(`  train: ${pickerLine(evaluatePicker(kb, train, picker))}`);
  }
}

main();
