import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentFindings } from '../../src/knowledge/contentReport';
import { MAX_SHORT_ANSWER } from '../../src/knowledge/knowledgeEntry';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { contentDir, services } from '../helpers/transcript';

const FACTS = join(contentDir, '..', '..', 'shared', 'facts', 'cce-facts.md');

/** The topics the knowledge issue requires, by id. */
const REQUIRED = [
  'what-is-cce', 'county-lines', 'warning-signs', 'signs-money', 'signs-phones', 'signs-missing-travel',
  'signs-friends-cars', 'signs-injuries', 'signs-school', 'signs-behaviour', 'cuckooing', 'cuckooing-signs',
  'plugging', 'debt-bondage', 'how-grooming-works', 'online-recruitment', 'quick-money-offers', 'money-mules',
  'knives-weapons', 'drill-social-media', 'girls-and-boys', 'who-is-at-risk', 'child-is-victim', 'section-45',
  'nrm', 'sexual-exploitation-too', 'worried-what-to-do', 'talking-to-your-child', 'keeping-a-log',
  'missing-child', 'found-drugs-cash-weapon', 'threats-and-debts', 'support-for-parents', 'after-a-report',
  'anonymity-limits', 'slang-going-ot', 'slang-trap-runner-line', 'yp-offered-money', 'yp-owing-money',
  'yp-want-out', 'yp-arrested-if-i-tell', 'yp-tell-without-name', 'yp-friend-involved', 'yp-asked-to-hide',
];

describe('the shipped knowledge base', () => {
  const entries = loadKnowledge(contentDir, (id) => services.has(id));

  it('validates, with at least 40 answers covering every required topic', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(entries.map((e) => e.id));
    expect(REQUIRED.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('keeps every short answer within one message', () => {
    for (const e of entries) expect(e.short.length).toBeLessThanOrEqual(MAX_SHORT_ANSWER);
  });

  it('cites only sources from the fact base, and nothing is hard to read', () => {
    const findings = contentFindings(entries, readFileSync(FACTS, 'utf8'), new Date('2026-11-21'));
    expect(findings.filter((f) => f.kind === 'source-not-in-fact-base')).toEqual([]);
    expect(findings.filter((f) => f.kind === 'hard-to-read')).toEqual([]);
  });

  it('says in every warning-signs answer that no single sign proves anything', () => {
    for (const e of entries.filter((x) => x.id === 'warning-signs' || x.id.startsWith('signs-'))) {
      expect(`${e.short} ${e.long ?? ''}`).toMatch(/no single sign|one sign (alone )?(doesn't|does not|can't)|on its own/i);
    }
  });

  it('never gives a Rotherham phone number (not verified in the fact base)', () => {
    for (const e of entries) expect(`${e.short} ${e.long ?? ''}`).not.toMatch(/Rotherham[^.]*\d{4,}/);
  });
});

describe('loadKnowledge rejects broken content, naming the file and entry', () => {
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    title: 'Title',
    audience: 'anyone', channel: 'any',
    questions: ['one way to ask', 'another way to ask', 'a third way'],
    short: 'A short answer that is long enough to count.',
    related: [],
    signpost: [],
    sources: ['https://example.org/source'],
    owner: 'Content team',
    reviewed: '2026-11-21',
    ...extra,
  });
  function dirWith(files: Record<string, unknown>): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(dir, 'knowledge'));
    for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, 'knowledge', name), JSON.stringify(value));
    return dir;
  }
  const known = () => false;

  it.each([
    ['a duplicate id across files', { 'a.yaml': [entry('x')], 'b.yaml': [entry('x')] }, /b\.yaml: id x is also used in a\.yaml/],
    ['an unknown related topic', { 'a.yaml': [entry('x', { related: ['nope'] })] }, /x: related topic nope does not exist/],
    ['an unknown service', { 'a.yaml': [entry('x', { signpost: ['nope'] })] }, /x: unknown service nope/],
    ['a topic named after an answer in another topic', { 'a.yaml': [entry('x', { topic: 'y' }), entry('y', { topic: 'z' })] }, /x: topic y is the id of an answer in another topic/],
    ['no sources', { 'a.yaml': [entry('x', { sources: [] })] }, /sources: every answer needs a source/],
    ['a short answer over 600 characters', { 'a.yaml': [entry('x', { short: 'a'.repeat(601) })] }, /short: must fit one message/],
    ['a bad review date', { 'a.yaml': [entry('x', { reviewed: 'last week' })] }, /reviewed/],
    ['an unknown field', { 'a.yaml': [entry('x', { colour: 'red' })] }, /colour/],
  ])('%s', (_name, files, message) => {
    expect(() => loadKnowledge(dirWith(files), known)).toThrow(message);
  });

  it('accepts the local front door as a signpost', () => {
    expect(loadKnowledge(dirWith({ 'a.yaml': [entry('x', { signpost: ['local-front-door'] })] }), known)).toHaveLength(1);
  });
});

describe('contentFindings', () => {
  const base = {
    id: 'x', title: 'T', audience: 'anyone' as const, channel: 'any' as const, questions: ['a b c'], related: [], signpost: [],
    owner: 'o', local_help: 'ask-area' as const, short: 'We help you. You can ring us.', sources: ['https://known.example/'], reviewed: '2026-01-01',
  };
  it('reports sources missing from the fact base, overdue reviews and hard answers', () => {
    const hard = 'Notwithstanding multidisciplinary safeguarding considerations, organisational accountability necessitates comprehensive interagency documentation procedures and institutional responsibilities.';
    const findings = contentFindings(
      [{ ...base, sources: ['https://unknown.example/'], reviewed: '2024-06-01', long: hard }],
      'facts: https://known.example/',
      new Date('2026-11-21'),
    );
    expect(findings.map((f) => f.kind).sort()).toEqual(['hard-to-read', 'review-overdue', 'source-not-in-fact-base']);
  });
  it('reports nothing for a plain, current, sourced answer', () => {
    expect(contentFindings([base], 'facts: https://known.example/', new Date('2026-11-21'))).toEqual([]);
  });
});
