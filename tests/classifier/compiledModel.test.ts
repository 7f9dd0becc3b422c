import { CompiledModelError, compileModelFile, compiledSource, readCompiledModelFile, type ModelSource } from '../../src/classifier/compiledModel';
import { FeatureTable } from '../../src/classifier/featureTable';
import { featuresOf, type FeatureOptions } from '../../src/classifier/features';
import { foldText, tokensOf } from '../../src/classifier/foldText';
import { LinearModel, featureCount, linearModelSchema, type LinearModelData } from '../../src/classifier/linearModel';

const FEATURES: FeatureOptions = { words: true, bigrams: true, chars: [3, 4], concepts: true, conceptPairs: false, ruleCues: false, phraseChars: null };
const SOURCE: ModelSource = { sha256: Buffer.alloc(32, 7), size: 1234, mtimeMs: 1_700_000_000_123.5 };

/** A model file as training writes it: a main model and a small one inside "variants", rows by name. */
function modelFile(): { format: string; thresholds: { sure: number }; model: LinearModelData; variants: { one: { threshold: number; model: LinearModelData } } } {
  const main: LinearModelData = {
    classes: ['none', 'danger', 'self-harm'],
    features: FEATURES,
    windowWords: 40,
    bias: [0.5, -0.25, -0.125],
    rows: [
      ['w:knife', -1.5, 2.25, 0.1],
      ['w:now', -0.5, 1.000001, 0],
      ['c:kni', 0, 0.3, -0.2],
      ['w:tablets', -0.7, 0, 1.9],
    ],
  };
  const small: LinearModelData = { classes: ['other', 'yes'], features: FEATURES, windowWords: 40, bias: [0, 0.1], rows: [['w:tablets', -1, 1]] };
  return { format: 'test/1', thresholds: { sure: 0.9 }, model: main, variants: { one: { threshold: 0.4, model: small } } };
}

const tokens = (text: string) => tokensOf(foldText(text));
const MESSAGES = ['he has a knife now', 'i took tablets', 'nothing here at all', 'knife knife tablets now'];

describe('a compiled model file', () => {
  it('reads back as the same file, each model scoring every message exactly as the JSON one does', () => {
    const file = modelFile();
    const compiled = compileModelFile(JSON.parse(JSON.stringify(file)), SOURCE);
    const read = readCompiledModelFile(compiled) as ReturnType<typeof modelFile>;
    expect(read.format).toBe('test/1');
    expect(read.thresholds).toEqual({ sure: 0.9 });
    expect(read.model.rows).toBeInstanceOf(FeatureTable);
    expect(featureCount(read.model.rows)).toBe(4);
    expect(featureCount(read.variants.one.model.rows)).toBe(1);
    // The schema the loaders use accepts the compiled form.
    expect(linearModelSchema.safeParse(read.model).success).toBe(true);
    for (const [json, fromCompiled] of [
      [file.model, read.model],
      [file.variants.one.model, read.variants.one.model],
    ] as const) {
      const a = new LinearModel(json);
      const b = new LinearModel(fromCompiled);
      for (const text of MESSAGES) expect(b.probabilities(featuresOf(tokens(text), [], FEATURES))).toEqual(a.probabilities(featuresOf(tokens(text), [], FEATURES)));
    }
  });

  it('records the JSON it was made from: its hash, size and modification time', () => {
    const source = compiledSource(compileModelFile(modelFile(), SOURCE));
    expect(source?.sha256.equals(SOURCE.sha256)).toBe(true);
    expect(source?.size).toBe(1234);
    expect(source?.mtimeMs).toBe(1_700_000_000_123.5);
    expect(compiledSource(Buffer.from('{"format": "not compiled"}'))).toBeUndefined();
  });

  it('refuses to compile rows the loader would refuse', () => {
    const twice = modelFile();
    twice.model.rows = [['w:knife', 1, 2, 3], ['w:knife', 1, 2, 3]];
    expect(() => compileModelFile(twice, SOURCE)).toThrow(/listed twice/);
    const notFinite = modelFile();
    notFinite.model.rows = [['w:knife', 1, Number.POSITIVE_INFINITY, 3]];
    expect(() => compileModelFile(notFinite, SOURCE)).toThrow(/finite/);
  });

  it('refuses a compiled file that is cut short, has bytes to spare, a weight that is not a number, or a header that names no table', () => {
    const good = compileModelFile(modelFile(), SOURCE);
    expect(() => readCompiledModelFile(good.subarray(0, good.length - 8))).toThrow(CompiledModelError);
    expect(() => readCompiledModelFile(Buffer.concat([good, Buffer.alloc(8)]))).toThrow(/after its last table/);
    const nan = Buffer.from(good);
    nan.writeDoubleLE(Number.NaN, nan.length - 8); // the last weight of the last table
    expect(() => readCompiledModelFile(nan)).toThrow(/not a finite number/);
    const renamed = Buffer.from(good.toString('latin1').replace('{"$table":1}', '{"$table":7}'), 'latin1');
    expect(() => readCompiledModelFile(renamed)).toThrow(/does not hold/);
    expect(() => readCompiledModelFile(Buffer.from('CSMODEL0 and then nothing of use'))).toThrow(/not a compiled model/);
  });

  it('reads a copy that does not start on 8 bytes in memory (a Buffer from a pool) the same', () => {
    const good = compileModelFile(modelFile(), SOURCE);
    const shifted = Buffer.alloc(good.length + 3);
    good.copy(shifted, 3);
    const read = readCompiledModelFile(shifted.subarray(3)) as ReturnType<typeof modelFile>;
    const a = new LinearModel(modelFile().model);
    const b = new LinearModel(read.model);
    expect(b.probabilities(featuresOf(tokens('knife now'), [], FEATURES))).toEqual(a.probabilities(featuresOf(tokens('knife now'), [], FEATURES)));
  });
});
