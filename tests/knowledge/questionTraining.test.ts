import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildQuestionModel } from '../../scripts/knowledge/questionTraining';
import { sha256 } from '../../scripts/corpusFiles';
import { formatModelFile } from '../../scripts/safety/train';
import { QUESTION_MODEL_FILE, questionModelFrom } from '../../src/knowledge/questionModel';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { contentDir, knowledge, services } from '../helpers/transcript';

/**
 * Training is reproducible: the same corpus, answers and settings give the committed question model byte
 * for byte. This also fails if the model file is edited by hand, or if the answers' phrasings, the train or
 * dev split change without retraining (npm run train:questions).
 */
describe('npm run train:questions', () => {
  const root = join(contentDir, '..');

  it('gives back content/question-model.json exactly: trained without the test split, thresholds chosen on dev', () => {
    const committed = readFileSync(join(contentDir, QUESTION_MODEL_FILE), 'utf8');
    const file = buildQuestionModel(root, knowledge, { refit: true });
    expect(file.training.trainWriters).not.toEqual(expect.arrayContaining(['q06']));
    expect(file.training.trainWriters).not.toEqual(expect.arrayContaining(['q07']));
    expect(file.training.thresholdWriters).toEqual(['q04', 'q05']);
    // Compared by hash: a difference in a 20 MB file is not worth printing.
    expect(sha256(formatModelFile(file))).toBe(sha256(committed));
  }, 900_000);

  it('has a class for every topic the answers have, and refuses a model that lacks "out of scope"', () => {
    const file = knowledge.classifier!.file;
    expect([...file.model.classes].sort()).toEqual([...knowledge.topics.topics, 'out-of-scope'].sort());
    const broken = { ...file, model: { ...file.model, classes: file.model.classes.filter((c) => c !== 'out-of-scope') } };
    expect(() => questionModelFrom(broken)).toThrow(/out-of-scope/);
  });

  it('refuses to start with a model older than the answers: a new topic it was never trained on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearsight-stale-model-'));
    try {
      cpSync(contentDir, dir, { recursive: true });
      const entry = { ...knowledge.get('plugging'), id: 'a-new-answer', topic: undefined, title: 'A new answer', related: [] };
      writeFileSync(join(dir, 'knowledge', 'zz-new.yaml'), JSON.stringify([entry]));
      expect(() => loadKnowledgeBase(dir, (id) => services.has(id))).toThrow(/question-model\.json does not match the answers.*no class for topic a-new-answer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
