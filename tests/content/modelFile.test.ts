import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModelFile } from '../../src/classifier/compiledModel';
import { FeatureTable } from '../../src/classifier/featureTable';
import { foldText, tokensOf } from '../../src/classifier/foldText';
import { LinearModel, type LinearModelData } from '../../src/classifier/linearModel';
import { defaultContentDir } from '../../src/content/contentDir';
import { ContentError } from '../../src/content/loadYaml';
import { compiledFrom, compiledModelDir, compiledModelPath, modelSource, readModelContent } from '../../src/content/modelFile';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clearsight-models-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FEATURES = { words: true, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false, phraseChars: null };
const model = (weight: number): { format: string; model: LinearModelData } => ({
  format: 'test/1',
  model: { classes: ['a', 'b'], features: FEATURES, windowWords: 40, bias: [0, 0], rows: [['w:knife', -weight, weight]] },
});

/** Writes a model's JSON into dir and its compiled copy into dir/compiled, as the build would. */
function built(weight: number): { json: string; compiledDir: string } {
  const json = join(dir, 'test-model.json');
  writeFileSync(json, JSON.stringify(model(weight)));
  const compiledDir = join(dir, 'compiled');
  mkdirSync(compiledDir);
  writeFileSync(compiledModelPath(compiledDir, json), compileModelFile(JSON.parse(readFileSync(json, 'utf8')), modelSource(json)));
  return { json, compiledDir };
}

const rowsOf = (raw: unknown) => (raw as { model: LinearModelData }).model.rows;

describe('reading a trained model file', () => {
  it('uses the compiled copy made from this very file', () => {
    const { json, compiledDir } = built(2);
    expect(rowsOf(readModelContent(json, compiledDir))).toBeInstanceOf(FeatureTable);
  });

  it('still uses it when only the file’s time has changed (a fresh checkout), once the hash says the content is the same', () => {
    const { json, compiledDir } = built(2);
    utimesSync(json, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(rowsOf(readModelContent(json, compiledDir))).toBeInstanceOf(FeatureTable);
  });

  it('reads the JSON when it was changed after the build (a retrained model), and never the stale copy', () => {
    const { json, compiledDir } = built(2);
    writeFileSync(json, JSON.stringify(model(3))); // the same size: only the hash tells them apart
    utimesSync(json, new Date('2031-01-01'), new Date('2031-01-01'));
    const rows = rowsOf(readModelContent(json, compiledDir));
    expect(rows).toEqual([['w:knife', -3, 3]]);
  });

  it('reads the JSON when there is no compiled copy', () => {
    const json = join(dir, 'test-model.json');
    writeFileSync(json, JSON.stringify(model(2)));
    expect(rowsOf(readModelContent(json, join(dir, 'nowhere')))).toEqual([['w:knife', -2, 2]]);
  });

  it('stops start-up, naming the compiled file, when the copy for this file is damaged', () => {
    const { json, compiledDir } = built(2);
    const file = compiledModelPath(compiledDir, json);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 8));
    expect(() => readModelContent(json, compiledDir)).toThrow(ContentError);
    expect(() => readModelContent(json, compiledDir)).toThrow(/test-model\.json\.bin: .*npm run build/);
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => readModelContent(join(dir, 'missing-model.json'), dir)).toThrow(/missing-model\.json: cannot be read/);
    writeFileSync(join(dir, 'bad-model.json'), '{"format": ');
    expect(() => readModelContent(join(dir, 'bad-model.json'), dir)).toThrow(/bad-model\.json: cannot be read as JSON/);
  });

  it('gives the same probabilities from the compiled copies of the real models as from their JSON', () => {
    const messages = ['my son has a knife and they are outside now', 'i took 20 paracetamol', 'what does going country mean', 'nie mam siły, chcę umrzeć', 'hes not answering his phone', '16', 'x'];
    const compiledDir = join(dir, 'compiled');
      mkdirSync(compiledDir);
    for (const name of ['safety-model.json', 'question-model.json', 'language-model.json']) {
      const json = join(defaultContentDir(), name);
      const raw = JSON.parse(readFileSync(json, 'utf8')) as { model: LinearModelData };
      writeFileSync(compiledModelPath(compiledDir, json), compileModelFile(raw, modelSource(json)));
      const compiled = readModelContent(json, compiledDir) as { model: LinearModelData };
      expect(compiled.model.rows).toBeInstanceOf(FeatureTable);
      const fromJson = new LinearModel(raw.model);
      const fromCopy = new LinearModel(compiled.model);
      expect(fromCopy.size).toBe(fromJson.size);
      for (const text of messages) {
        const tokens = tokensOf(foldText(text));
        expect(fromCopy.probabilitiesOf(tokens, [], [])).toEqual(fromJson.probabilitiesOf(tokens, [], []));
      }
    }
  }, 60_000);

  it('has, after npm run build, a compiled copy of each model in content/ made from it as it is', () => {
    for (const name of ['safety-model.json', 'question-model.json', 'language-model.json']) {
      const json = join(defaultContentDir(), name);
      expect({ name, fresh: compiledFrom(readFileSync(compiledModelPath(compiledModelDir(), json)), json) }).toEqual({ name, fresh: true });
    }
  });
});
