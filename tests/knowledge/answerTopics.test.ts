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
  entry('plugging'),
]);
const id = (topic: string, asker: Parameters<AnswerTopics['versionFor']>[1], q = '') => topics.versionFor(topic, asker, q).id;

describe('AnswerTopics', () => {
  it('groups versions under their topic, and an answer without one is a topic of its own', () => {
    expect(topics.topics).toEqual(['debt', 'arrested', 'privacy', 'plugging']);
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

  it('refuses a topic it does not have', () => {
    expect(() => topics.versionFor('nothing', { channel: 'web' })).toThrow(/unknown topic/);
  });
});
