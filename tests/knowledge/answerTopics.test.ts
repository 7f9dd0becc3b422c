import { AnswerTopics } from '../../src/knowledge/answerTopics';
import type { KnowledgeEntry } from '../../src/knowledge/knowledgeEntry';

function entry(id: string, more: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id, title: id, audience: 'anyone', channel: 'any', questions: ['a', 'b', 'c'], short: 'x'.repeat(20), related: [], signpost: [],
    local_help: 'ask-area', sources: ['https://example.org/'], owner: 'o', reviewed: '2026-12-01', ...more,
  };
}

const topics = new AnswerTopics([
  entry('debt-anyone', { topic: 'debt' }),
  entry('debt-yp', { topic: 'debt', audience: 'young-person' }),
  entry('arrested-parent', { topic: 'arrested', audience: 'parent' }),
  entry('arrested-yp', { topic: 'arrested', audience: 'young-person' }),
  entry('privacy-web', { topic: 'privacy', channel: 'web' }),
  entry('privacy-text', { topic: 'privacy', channel: 'text' }),
  entry('privacy-sms', { topic: 'privacy', channel: 'sms', questions: [] }),
  entry('privacy-whatsapp', { topic: 'privacy', channel: 'whatsapp', questions: [] }),
  entry('plugging'),
  entry('signs-any', { topic: 'signs' }),
  entry('signs-sms-yp', { topic: 'signs', channel: 'sms', audience: 'young-person' }),
]);
const id = (topic: string, asker: Parameters<AnswerTopics['versionFor']>[1], q = '') => topics.versionFor(topic, asker, q).id;

describe('AnswerTopics', () => {
  it('groups versions under their topic, and an answer without one is a topic of its own', () => {
    expect(topics.topics).toEqual(['debt', 'arrested', 'privacy', 'plugging', 'signs']);
    expect(topics.topicOfEntry('debt-yp')).toBe('debt');
    expect(topics.topicOfEntry('plugging')).toBe('plugging');
    expect(id('plugging', { channel: 'text', audience: 'parent' })).toBe('plugging');
  });

  it('gives the audience the person chose its own version, and "anyone" before the other audience\'s', () => {
    expect(id('arrested', { channel: 'web', audience: 'parent' })).toBe('arrested-parent');
    expect(id('arrested', { channel: 'web', audience: 'young-person' })).toBe('arrested-yp');
    expect(id('debt', { channel: 'web', audience: 'parent' })).toBe('debt-anyone');
    expect(id('debt', { channel: 'web', audience: 'young-person' })).toBe('debt-yp');
  });

  it('reads the audience from the words when the person did not say, and stays with "anyone" when it cannot tell', () => {
    expect(id('arrested', { channel: 'web' }, 'will my son be arrested')).toBe('arrested-parent');
    expect(id('arrested', { channel: 'web' }, 'will i be arrested')).toBe('arrested-yp');
    expect(id('debt', { channel: 'web' }, 'what is debt bondage')).toBe('debt-anyone');
    // What the person said beats what their words suggest.
    expect(id('arrested', { channel: 'web', audience: 'parent' }, 'will i be arrested')).toBe('arrested-parent');
  });

  it('never sends the web version to a text channel, nor the text version to web chat', () => {
    expect(id('privacy', { channel: 'web' })).toBe('privacy-web');
    expect(id('privacy', { channel: 'text' })).toBe('privacy-text');
    expect(id('privacy', { channel: 'text', audience: 'parent' })).toBe('privacy-text');
  });

  it('gives SMS and WhatsApp the version written for each, and another text channel the one for all texts', () => {
    expect(id('privacy', { channel: 'sms' })).toBe('privacy-sms');
    expect(id('privacy', { channel: 'whatsapp' })).toBe('privacy-whatsapp');
    expect(id('privacy', { channel: 'whatsapp', audience: 'young-person' })).toBe('privacy-whatsapp');
    expect(id('privacy', { channel: 'text' })).toBe('privacy-text');
    expect(id('privacy', { channel: 'web' })).toBe('privacy-web');
  });

  it('serves SMS and WhatsApp from the "text" and "any" versions when a topic has none of their own', () => {
    const noOwn = new AnswerTopics([entry('p-web', { topic: 'p', channel: 'web' }), entry('p-text', { topic: 'p', channel: 'text' })]);
    expect(noOwn.versionFor('p', { channel: 'sms' }).id).toBe('p-text');
    expect(noOwn.versionFor('p', { channel: 'whatsapp' }).id).toBe('p-text');
    // A version written for SMS alone goes nowhere else, whoever is asking.
    expect(id('signs', { channel: 'whatsapp', audience: 'young-person' })).toBe('signs-any');
    expect(id('signs', { channel: 'web', audience: 'young-person' })).toBe('signs-any');
    expect(id('signs', { channel: 'sms', audience: 'parent' })).toBe('signs-sms-yp');
  });

  it('refuses a topic it does not have', () => {
    expect(() => topics.versionFor('nothing', { channel: 'web' })).toThrow(/unknown topic/);
  });
});
