import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { checkFrozen, loadSplitsIn, readJsonLines, sha256 } from '../../scripts/corpusFiles';

describe('corpus files (the safety and question corpora)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clearsight-corpus-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const splitsWith = (frozen: Record<string, string>, test = ['c']) =>
    writeFileSync(join(dir, 'splits.json'), JSON.stringify({ train: ['a'], dev: ['b'], test, frozen }));

  it('refuses a test-split file that changed since it was frozen, naming it', () => {
    writeFileSync(join(dir, 'c.jsonl'), '{"n":1}\n');
    splitsWith({ 'c.jsonl': sha256('{"n":1}\n') });
    const splits = loadSplitsIn(dir);
    expect(() => checkFrozen(dir, splits, ['c.jsonl'])).not.toThrow();
    writeFileSync(join(dir, 'c.jsonl'), '{"n":2}\n');
    expect(() => checkFrozen(dir, splits, ['c.jsonl'])).toThrow('the frozen test split changed: c.jsonl no longer matches splits.json');
  });

  it('refuses a writer in two splits', () => {
    splitsWith({}, ['a']);
    expect(() => loadSplitsIn(dir)).toThrow(/a writer is in more than one split/);
  });

  it('reads JSON Lines with their line numbers, skips blank lines, and names the file and line of a bad one', () => {
    const schema = z.strictObject({ n: z.number() });
    writeFileSync(join(dir, 'x.jsonl'), '{"n":1}\n\n{"n":2}\n');
    expect(readJsonLines(join(dir, 'x.jsonl'), schema)).toEqual([{ value: { n: 1 }, line: 1 }, { value: { n: 2 }, line: 3 }]);
    writeFileSync(join(dir, 'x.jsonl'), '{"n":1}\n{"n":"two"}\n');
    expect(() => readJsonLines(join(dir, 'x.jsonl'), schema)).toThrow(/x\.jsonl:2: n:/);
  });
});
