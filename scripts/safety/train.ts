import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';
import { loadConceptLexicon, type ConceptLexicon } from '../../src/safety/conceptLexicon';
import { SafetyDetector } from '../../src/safety/safetyDetector';
import { SAFETY_MODEL_FILE, safetyModelFrom, type SafetyModelFile } from '../../src/safety/safetyModel';
import { loadSafetyRules, type SafetyRules } from '../../src/safety/safetyRules';
import { LinearModel, featureCount, type FeatureRow } from '../../src/classifier/linearModel';
import type { FeatureTable } from '../../src/classifier/featureTable';
import { trainingSettings, trainLinearModel, type TrainingOptions } from '../../src/classifier/trainLinearModel';
import { loadCorpus, loadSplits, type CorpusMessage } from './corpus';
import { chooseThresholds } from './thresholds';
import { dataHash, exampleOf, LANGUAGE_TRAINING, languageDataHash, languageExampleOf, TRAINING } from './training';
import { LANGUAGE_MODEL_FILE, type LanguageModelFile } from '../../src/language/languageModel';

const PLACEHOLDER = { danger: { sure: 1, unsure: 1 }, 'self-harm': { sure: 1, unsure: 1 }, disclosure: { sure: 1 } };

/**
 * Trains on the train split, chooses the thresholds on the dev split, and returns the model file. Never
 * reads the test split. Deterministic: the same corpus, lexicon and options give the same file.
 */
export function buildSafetyModel(repoRoot: string, rules: SafetyRules, lexicon: ConceptLexicon, options: TrainingOptions = TRAINING): SafetyModelFile {
  const splits = loadSplits(repoRoot);
  const train = loadCorpus(repoRoot, ['train']);
  const dev = loadCorpus(repoRoot, ['dev']);
  const model = trainLinearModel(
    train.map((m) => exampleOf(m, lexicon, rules, options.features)),
    options,
  );
  const training: SafetyModelFile['training'] = {
    ...trainingSettings(options),
    classWeights: options.classWeights,
    dataSha256: dataHash(train),
    lexiconSha256: lexicon.fingerprint,
    examples: train.length,
    trainWriters: splits.train,
    thresholdWriters: splits.dev,
  };
  const variants = {
    overdose: buildVariant('overdose-taken', train, dev, lexicon, rules, options),
    'hurt-nearby': buildVariant('hurt-heard', train, dev, lexicon, rules, options),
  };
  const draft: SafetyModelFile = { format: 'clearsight-safety-model/1', training, thresholds: PLACEHOLDER, variants, model };
  const detector = new SafetyDetector(rules, lexicon, safetyModelFrom(draft, lexicon));
  const thresholds = chooseThresholds(dev.map((m: CorpusMessage) => ({ label: m.label, scores: detector.score(m.text) })));
  return { ...draft, thresholds };
}

const isAlarm = (m: CorpusMessage) => m.label === 'danger' || m.label === 'self-harm';

/** Most alarm messages of other kinds that may get a variant's reply, on dev. */
const VARIANT_WRONG = 0.01;

/**
 * A reply variant's classifier: trained on the train split's danger and self-harm messages, yes for those
 * the writer marked with `subkind`; its threshold is the lowest that gives the variant's reply to at most
 * 1% of the dev split's other alarm messages.
 */
function buildVariant(subkind: string, train: CorpusMessage[], dev: CorpusMessage[], lexicon: ConceptLexicon, rules: SafetyRules, options: TrainingOptions): SafetyModelFile['variants']['overdose'] {
  // Words, pairs, concepts and cues are enough here (letter groups made it five times the size for no gain on dev).
  const features = { ...options.features, chars: null, phraseChars: null };
  const example = (m: CorpusMessage) => ({ ...exampleOf(m, lexicon, rules, features), label: m.subkind === subkind ? 'yes' : 'other' });
  const model = trainLinearModel(train.filter(isAlarm).map(example), { ...options, features, average: 1, classWeights: { other: 1, yes: 3 } });
  const classifier = new LinearModel(model);
  const scored = dev.filter(isAlarm).map((m) => ({ yes: m.subkind === subkind, p: classifier.probabilities(example(m).features)[1]! }));
  const others = scored.filter((s) => !s.yes);
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const threshold = grid.find((t) => others.filter((s) => s.p >= t).length <= VARIANT_WRONG * others.length) ?? 1;
  return { subkind, threshold, model };
}

/** Trains the language identifier on the train split's messages and their languages. */
export function buildLanguageModel(repoRoot: string): LanguageModelFile {
  const train = loadCorpus(repoRoot, ['train']);
  const model = trainLinearModel(train.map(languageExampleOf), LANGUAGE_TRAINING);
  return {
    format: 'clearsight-language-model/1',
    training: { seed: LANGUAGE_TRAINING.seed, dataSha256: languageDataHash(train), examples: train.length },
    model,
  };
}

/** The model file as text: readable settings, then one line per feature so that a retrained model diffs sensibly. */
export function formatModelFile(file: { model: { rows: FeatureRow[] | FeatureTable } }): string {
  // Every model's rows one per line (under "rows"), the rest as ordinary indented JSON.
  const rowLists: FeatureRow[][] = [];
  const head = JSON.stringify(
    file,
    (key, value: unknown) => {
      if (key !== 'rows') return value;
      if (!Array.isArray(value)) throw new Error('a compiled model cannot be written back as a model file');
      rowLists.push(value as FeatureRow[]);
      return `__ROWS_${rowLists.length - 1}__`;
    },
    2,
  );
  return `${head.replace(/"__ROWS_(\d+)__"/g, (_, i: string) => `[\n${rowLists[Number(i)]!.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`)}\n`;
}

function main(): void {
  const contentDir = defaultContentDir();
  const repoRoot = join(contentDir, '..');
  const started = Date.now();
  const file = buildSafetyModel(repoRoot, loadSafetyRules(contentDir), loadConceptLexicon(contentDir).lexicon);
  const text = formatModelFile(file);
  writeFileSync(join(contentDir, SAFETY_MODEL_FILE), text);
  const t = file.thresholds;
  console.log(`train:safety: ${file.training.examples} training messages from ${file.training.trainWriters.join(', ')}`);
  console.log(`  ${featureCount(file.model.rows)} features kept, ${(text.length / 1024).toFixed(0)} KB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  thresholds (chosen on ${file.training.thresholdWriters.join(', ')}): danger unsure ${t.danger.unsure} sure ${t.danger.sure}; self-harm unsure ${t['self-harm'].unsure} sure ${t['self-harm'].sure}; disclosure ${t.disclosure.sure}`);
  for (const [name, v] of Object.entries(file.variants)) console.log(`  reply variant ${name} (writers' subkind ${v.subkind}): ${featureCount(v.model.rows)} features, threshold ${v.threshold}`);
  console.log(`  written to content/${SAFETY_MODEL_FILE}`);
  const language = buildLanguageModel(repoRoot);
  const languageText = formatModelFile(language);
  writeFileSync(join(contentDir, LANGUAGE_MODEL_FILE), languageText);
  console.log(`  language identifier: ${featureCount(language.model.rows)} features, ${(languageText.length / 1024).toFixed(0)} KB, written to content/${LANGUAGE_MODEL_FILE}`);
}

if (require.main === module) main();
