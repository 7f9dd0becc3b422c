import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frozenFiles, loadQuestionCorpus, loadQuestionSplits, questionCorpusDir, SPLITS } from '../../scripts/knowledge/questionCorpus';
import { sha256 } from '../../scripts/corpusFiles';
import { contentDir, knowledge } from '../helpers/transcript';

const root = join(contentDir, '..');
const all = loadQuestionCorpus(root);
const splits = loadQuestionSplits(root);

describe('the question corpus (tests/knowledge/corpus)', () => {
  it('is as large as the issue asks: 1,200+ questions, 200+ of them out of scope, from four or more writers with their briefs', () => {
    expect(all.length).toBeGreaterThanOrEqual(1200);
    expect(all.filter((q) => q.outOfScope).length).toBeGreaterThanOrEqual(200);
    const writers = [...new Set(all.map((q) => q.writer))];
    expect(writers.length).toBeGreaterThanOrEqual(4);
    for (const w of writers) expect(existsSync(join(questionCorpusDir(root), 'briefs', `${w}.md`))).toBe(true);
    for (const f of ['README.md', 'TOPICS.md', 'MAPPING.md']) expect(existsSync(join(questionCorpusDir(root), f))).toBe(true);
  });

  it('has every persona, channel and the four areas, and questions people chose no role for', () => {
    for (const persona of ['parent', 'young-person', 'neighbour', 'professional']) expect(all.some((q) => q.persona === persona)).toBe(true);
    for (const channel of ['webchat', 'sms', 'whatsapp']) expect(all.some((q) => q.channel === channel)).toBe(true);
    for (const area of ['barnsley', 'doncaster', 'rotherham', 'sheffield']) expect(all.some((q) => q.area === area)).toBe(true);
    expect(all.some((q) => q.chose === 'none')).toBe(true);
  });

  it('is split by writer, and every split has questions in and out of scope', () => {
    const writersOf = (split: string) => new Set(all.filter((q) => q.split === split).map((q) => q.writer));
    for (const a of SPLITS) for (const b of SPLITS) if (a < b) expect([...writersOf(a)].filter((w) => writersOf(b).has(w))).toEqual([]);
    for (const split of SPLITS) {
      expect(all.some((q) => q.split === split && q.outOfScope)).toBe(true);
      expect(all.some((q) => q.split === split && !q.outOfScope)).toBe(true);
    }
  });

  it('maps every in-scope question to answers that exist, or names the gap', () => {
    for (const q of all) {
      if (q.outOfScope) continue;
      if (q.gap) expect(q.expected).toEqual([]);
      else for (const id of q.expected) expect({ id: q.id, known: knowledge.has(id) }).toEqual({ id: q.id, known: true });
    }
  });

  it('keeps the test split frozen: its question and answer files match the hashes recorded in splits.json', () => {
    const files = splits.test.flatMap(frozenFiles);
    expect(Object.keys(splits.frozen).sort()).toEqual([...files].sort());
    for (const file of files) expect(sha256(readFileSync(join(questionCorpusDir(root), file)))).toBe(splits.frozen[file]);
  });
});
