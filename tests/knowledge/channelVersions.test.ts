import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withChannelVersions } from '../../scripts/knowledge/evaluate';
import type { CorpusQuestion } from '../../scripts/knowledge/questionCorpus';
import { channelProfile } from '../../src/channels/channelProfile';
import { fleschKincaidGrade } from '../../src/knowledge/readability';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { MAX_READING_GRADE } from '../../src/knowledge/contentReport';
import { knowledge } from '../helpers/transcript';

/** GSM 03.38's basic characters: text outside them costs an SMS three times as many messages. */
const GSM7 = /^[@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

const textOf = (id: string) => {
  const e = knowledge.get(id);
  return `${e.short} ${e.long ?? ''}`;
};

describe('the privacy answer in each channel (issue 18)', () => {
  const q = 'is this chat recorded';
  const idOn = (channel: 'web' | 'text' | 'sms' | 'whatsapp') => {
    const f = knowledge.find(q, { channel });
    return f.kind === 'answer' ? f.entry.id : f.kind;
  };

  it('knows SMS from WhatsApp by the channel id; web chat and unknown channels are neither', () => {
    expect(['sms', 'whatsapp', 'webchat', 'directline', 'telegram'].map((id) => channelProfile(id).messaging)).toEqual(['sms', 'whatsapp', undefined, undefined, undefined]);
  });

  it('gives web chat, SMS, WhatsApp and any other text channel each its own version', () => {
    expect(idOn('web')).toBe('privacy');
    expect(idOn('sms')).toBe('privacy-sms');
    expect(idOn('whatsapp')).toBe('privacy-whatsapp');
    expect(idOn('text')).toBe('privacy-text');
  });

  it('tells SMS to delete the thread, what a bill shows, and who keeps records; never the browser or Shift', () => {
    const sms = textOf('privacy-sms');
    expect(sms).toMatch(/delete this thread/i);
    expect(sms).toMatch(/bill/);
    expect(sms).toMatch(/Twilio/);
    expect(sms).toMatch(/999, then press 55/);
    expect(sms).not.toMatch(/browser|shift|history/i);
  });

  it('tells WhatsApp about backups, deleting the chat and who handles our messages; never the browser or Shift', () => {
    const whatsapp = textOf('privacy-whatsapp');
    expect(whatsapp).toMatch(/backup/i);
    expect(whatsapp).toMatch(/iCloud or Google Drive/);
    expect(whatsapp).toMatch(/delete the chat/i);
    expect(whatsapp).toMatch(/Twilio/);
    expect(whatsapp).not.toMatch(/browser|shift|history/i);
  });

  it('writes them for a phone: the SMS short text within 300 characters, GSM-7 only, easy to read', () => {
    expect(knowledge.get('privacy-sms').short.length).toBeLessThanOrEqual(300);
    for (const id of ['privacy-sms', 'privacy-whatsapp']) {
      const e = knowledge.get(id);
      for (const text of [e.short, e.long ?? '']) {
        expect({ id, gsm7: GSM7.test(text) }).toEqual({ id, gsm7: true });
        expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(MAX_READING_GRADE);
      }
    }
  });

  it('adds no phrasings: the classifier learns the topic from its other versions', () => {
    expect(knowledge.get('privacy-sms').questions).toEqual([]);
    expect(knowledge.get('privacy-whatsapp').questions).toEqual([]);
    expect(knowledge.topics.topicOfEntry('privacy-sms')).toBe('privacy');
  });
});

describe('eval:kb counts the channel\'s own version as the texts\' version the corpus names', () => {
  const asked = (channel: CorpusQuestion['channel'], expected: string[]) => ({ channel, expected }) as CorpusQuestion;

  it('adds privacy-sms on SMS and privacy-whatsapp on WhatsApp to privacy-text, and nothing on web chat', () => {
    expect(withChannelVersions(asked('sms', ['privacy-text']), knowledge).expected).toEqual(['privacy-text', 'privacy-sms']);
    expect(withChannelVersions(asked('whatsapp', ['privacy-text']), knowledge).expected).toEqual(['privacy-text', 'privacy-whatsapp']);
    expect(withChannelVersions(asked('webchat', ['privacy-text']), knowledge).expected).toEqual(['privacy-text']);
    // The web version named for a text channel stays a mistake the corpus made, not a licence.
    expect(withChannelVersions(asked('sms', ['privacy']), knowledge).expected).toEqual(['privacy']);
  });
});

describe('loadKnowledge: a version may have no phrasings, a topic may not', () => {
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({
    id, title: 'Title', audience: 'anyone', short: 'A short answer that is long enough to count.',
    questions: ['one way to ask', 'another way to ask', 'a third way'], sources: ['https://example.org/source'], owner: 'Content team', reviewed: '2026-12-02', ...extra,
  });
  const dirs: string[] = [];
  function load(entries: unknown[]) {
    const dir = mkdtempSync(join(tmpdir(), 'kb-versions-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'knowledge'));
    writeFileSync(join(dir, 'knowledge', 'a.yaml'), JSON.stringify(entries));
    return loadKnowledge(dir, () => false);
  }
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('accepts an SMS version without questions of a topic that has them', () => {
    const loaded = load([entry('p', { topic: 'p' }), entry('p-sms', { topic: 'p', channel: 'sms', questions: undefined })]);
    expect(loaded.map((e) => [e.id, e.questions.length])).toEqual([['p', 3], ['p-sms', 0]]);
  });

  it('refuses a topic with no questions in any version, and one or two phrasings', () => {
    expect(() => load([entry('p', { questions: [] })])).toThrow(/a\.yaml: p: topic p has no questions in any of its versions/);
    expect(() => load([entry('p', { questions: ['only one way'] })])).toThrow(/needs at least 3 phrasings/);
  });

  it('refuses a channel it does not know', () => {
    expect(() => load([entry('p', { channel: 'telegram' })])).toThrow(/channel/);
  });
});
