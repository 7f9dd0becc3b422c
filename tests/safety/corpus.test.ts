import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_LANGUAGES, corpusDir, loadCorpus, loadSplits, sha256, SPLITS } from '../../scripts/safety/corpus';
import { contentDir } from '../helpers/transcript';

const root = join(contentDir, '..');
const all = loadCorpus(root);
const splits = loadSplits(root);
const count = (f: (m: (typeof all)[number]) => boolean) => all.filter(f).length;

describe('the safety corpus (tests/safety/corpus)', () => {
  it('is as large as the issue asks: 2,000+ messages with 400+ danger, 400+ self-harm, 200+ disclosures, 1,000+ that must not trigger', () => {
    expect(all.length).toBeGreaterThanOrEqual(2000);
    expect(count((m) => m.label === 'danger')).toBeGreaterThanOrEqual(400);
    expect(count((m) => m.label === 'self-harm')).toBeGreaterThanOrEqual(400);
    expect(count((m) => m.label === 'disclosure')).toBeGreaterThanOrEqual(200);
    expect(count((m) => m.label === 'none')).toBeGreaterThanOrEqual(1000);
  });

  it('has 25+ danger and 25+ self-harm messages in each of the eight other languages', () => {
    for (const lang of CORPUS_LANGUAGES.filter((l) => l !== 'en')) {
      expect(count((m) => m.lang === lang && m.label === 'danger')).toBeGreaterThanOrEqual(25);
      expect(count((m) => m.lang === lang && m.label === 'self-harm')).toBeGreaterThanOrEqual(25);
    }
  });

  it('comes from at least four separate writers, each with the brief they were given', () => {
    const writers = [...new Set(all.map((m) => m.writer))].filter((w) => w !== 'project-authors');
    expect(writers.length).toBeGreaterThanOrEqual(4);
    for (const w of writers) expect(existsSync(join(corpusDir(root), 'briefs', `${w}.md`))).toBe(true);
    expect(existsSync(join(corpusDir(root), 'LABELS.md'))).toBe(true);
  });

  it('is split by writer: no writer in two splits, and every split has every language and every label', () => {
    const writersOf = (split: string) => new Set(all.filter((m) => m.split === split).map((m) => m.writer));
    for (const a of SPLITS) for (const b of SPLITS) if (a < b) expect([...writersOf(a)].filter((w) => writersOf(b).has(w))).toEqual([]);
    for (const split of SPLITS) {
      for (const lang of CORPUS_LANGUAGES) expect(count((m) => m.split === split && m.lang === lang)).toBeGreaterThan(0);
      for (const label of ['danger', 'self-harm', 'disclosure', 'none']) expect(count((m) => m.split === split && m.label === label)).toBeGreaterThan(0);
    }
  });

  it('keeps the test split frozen: its files match the hashes recorded when it was frozen', () => {
    for (const writer of splits.test) {
      expect(sha256(readFileSync(join(corpusDir(root), `${writer}.jsonl`)))).toBe(splits.frozen[`${writer}.jsonl`]);
    }
    expect(Object.keys(splits.frozen).sort()).toEqual(splits.test.map((w) => `${w}.jsonl`).sort());
  });
});
