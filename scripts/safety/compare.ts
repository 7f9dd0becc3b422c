import { join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';
import { loadConceptLexicon, type ConceptLexicon } from '../../src/safety/conceptLexicon';
import type { FeatureOptions } from '../../src/classifier/features';
import { checkSafety } from '../../src/safety/safetyCheck';
import { SafetyDetector, type SafetyScores } from '../../src/safety/safetyDetector';
import { safetyModelFrom } from '../../src/safety/safetyModel';
import { loadSafetyRules, type SafetyRules } from '../../src/safety/safetyRules';
import { trainLinearModel } from '../../src/classifier/trainLinearModel';
import { loadCorpus, type CorpusMessage } from './corpus';
import { trainNaiveBayes } from './naiveBayes';
import { chooseThresholds, type Scored } from './thresholds';
import { dataHash, exampleOf, TRAINING } from './training';

/*
 * npm run eval:safety:compare — the methods tried for the safety check, each trained on the train split
 * and measured on the dev split (never the test split), with the thresholds each would get on dev:
 * alarm recall (danger and self-harm: emergency reply or check-in) and false alarms, plus how many
 * false alarms each needs to catch every dev alarm. The winner is what train:safety uses.
 */

interface Method {
  name: string;
  score: (text: string) => SafetyScores;
}

const ZERO = { none: 1, danger: 0, 'self-harm': 0, disclosure: 0 };
const OFF = { kind: 'none' } as const;

/** A logistic regression with these features, used as the layered detector would use it. */
function lrMethod(name: string, data: { train: CorpusMessage[]; lexicon: ConceptLexicon; rules: SafetyRules }, features: FeatureOptions, windowWords: number, ruleLayer: boolean): Method {
  const { train, lexicon, rules } = data;
  // One run each (not the average of three train:safety uses), so the methods are compared on equal terms.
  const model = trainLinearModel(train.map((m) => exampleOf(m, lexicon, rules, features)), { ...TRAINING, features, windowWords, average: 1 });
  const file = {
    format: 'clearsight-safety-model/1' as const,
    training: { seed: TRAINING.seed, epochs: TRAINING.epochs, learningRate: TRAINING.learningRate, l2: TRAINING.l2, minCount: TRAINING.minCount, average: TRAINING.average, prune: TRAINING.prune, classWeights: TRAINING.classWeights, dataSha256: dataHash(train), lexiconSha256: lexicon.fingerprint, examples: train.length, trainWriters: ['-'], thresholdWriters: ['-'] },
    thresholds: { danger: { sure: 1, unsure: 1 }, 'self-harm': { sure: 1, unsure: 1 }, disclosure: { sure: 1 } },
    // Reply variants play no part in catching: none here.
    variants: { overdose: noVariant(features), 'hurt-nearby': noVariant(features) },
    model,
  };
  const detector = new SafetyDetector(rules, lexicon, safetyModelFrom(file, lexicon));
  return {
    name,
    score: (text) => {
      const s = detector.score(text);
      return ruleLayer ? s : { ...s, rule: OFF };
    },
  };
}

function noVariant(features: FeatureOptions) {
  return { subkind: '-', threshold: 1, model: { classes: ['other', 'yes'], features, windowWords: 200, bias: [0, 0], rows: [] } };
}

function nbMethod(name: string, data: { train: CorpusMessage[]; lexicon: ConceptLexicon; rules: SafetyRules }, features: FeatureOptions): Method {
  const nb = trainNaiveBayes(data.train.map((m) => exampleOf(m, data.lexicon, data.rules, features)));
  return { name, score: (text) => ({ probabilities: nb(exampleOf({ text, label: 'none' }, data.lexicon, data.rules, features).features), concepts: [], rule: OFF }) };
}

export interface MethodFigures {
  recall: number;
  foreignRecall: number;
  falseAlarms: number;
  faForAll: number;
  disclosure: number;
}

export function measure(method: Method, dev: readonly CorpusMessage[]): MethodFigures {
  const scored: Scored[] = dev.map((m) => ({ label: m.label, scores: method.score(m.text) }));
  const t = chooseThresholds(scored);
  const ruleAlarm = (s: Scored) => s.scores.rule.kind === 'danger' || s.scores.rule.kind === 'self-harm';
  const fires = (s: Scored) => ruleAlarm(s) || s.scores.probabilities.danger >= t.danger.unsure || s.scores.probabilities['self-harm'] >= t['self-harm'].unsure;
  const isAlarm = (m: CorpusMessage) => m.label === 'danger' || m.label === 'self-harm';
  const alarms = scored.filter((_, i) => isAlarm(dev[i]!));
  const foreign = scored.filter((_, i) => isAlarm(dev[i]!) && dev[i]!.lang !== 'en');
  const none = scored.filter((s) => s.label === 'none');
  const disclosures = scored.filter((s) => s.label === 'disclosure');
  // The false alarms it takes to catch every dev alarm: the lowest alarm score sets the bar.
  const alarmScore = (s: Scored) => (ruleAlarm(s) ? 1 : Math.max(s.scores.probabilities.danger, s.scores.probabilities['self-harm']));
  const bar = Math.min(...alarms.map(alarmScore));
  return {
    recall: alarms.filter(fires).length / alarms.length,
    foreignRecall: foreign.filter(fires).length / Math.max(1, foreign.length),
    falseAlarms: none.filter(fires).length / none.length,
    faForAll: none.filter((s) => alarmScore(s) >= bar).length / none.length,
    disclosure: disclosures.filter((s) => s.scores.rule.kind === 'disclosure' || s.scores.probabilities.disclosure >= t.disclosure.sure).length / Math.max(1, disclosures.length),
  };
}

function main(): void {
  const contentDir = defaultContentDir();
  const repoRoot = join(contentDir, '..');
  const rules = loadSafetyRules(contentDir);
  const { lexicon } = loadConceptLexicon(contentDir);
  const train = loadCorpus(repoRoot, ['train']);
  const dev = loadCorpus(repoRoot, ['dev']);
  const data = { train, lexicon, rules };
  const none: FeatureOptions = { words: false, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false, phraseChars: null };
  const words = { ...none, words: true, bigrams: true };
  const chars = { ...none, chars: [3, 5] as [number, number] };
  const both = { ...words, chars: [3, 5] as [number, number] };
  const lexiconToo = { ...both, concepts: true, conceptPairs: true };
  const all = { ...lexiconToo, ruleCues: true };
  const methods: Method[] = [
    { name: 'rules only (before)', score: (text) => ({ probabilities: ZERO, concepts: [], rule: checkSafety(text, rules) }) },
    nbMethod('naive Bayes, words+chars+lexicon', data, lexiconToo),
    lrMethod('LR words', data, words, 200, false),
    lrMethod('LR chars', data, chars, 200, false),
    lrMethod('LR words+chars', data, both, 200, false),
    lrMethod('LR words+chars+lexicon', data, lexiconToo, 200, false),
    lrMethod('LR words+chars+lexicon+rule cues', data, all, 200, false),
    lrMethod('LR + phrase letter groups', data, { ...all, phraseChars: [4, 6] }, 200, false),
    lrMethod('rules + LR (all of the above)', data, { ...all, phraseChars: [4, 6] }, 200, true),
    lrMethod('rules + LR, windows of 30 words', data, { ...all, phraseChars: [4, 6] }, 30, true),
  ];
  console.log(`eval:safety:compare: trained on ${train.length} train messages, measured on ${dev.length} dev messages (thresholds chosen on dev for each)\n`);
  console.log('method'.padEnd(46) + 'alarm recall  other langs  false alarms  FA to catch all  disclosure');
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  for (const method of methods) {
    const r = measure(method, dev);
    console.log(`${method.name.padEnd(46)}${pct(r.recall).padStart(12)}${pct(r.foreignRecall).padStart(13)}${pct(r.falseAlarms).padStart(14)}${pct(r.faForAll).padStart(17)}${pct(r.disclosure).padStart(12)}`);
  }
}

if (require.main === module) main();
