import { audienceCue } from '../../src/knowledge/audienceCues';
import { answerReply, noMatchReply } from '../../src/knowledge/answerReply';
import { knowledge, questions, services } from '../helpers/transcript';

const words = { kb: knowledge, services, content: questions };

describe('KnowledgeBase.find', () => {
  it('answers clear questions, typos and slang included', () => {
    const cases: Array<[string, string]> = [
      ['what is cuckooing', 'cuckooing'],
      ['wat is cukooing', 'cuckooing'],
      ['whats plugging', 'plugging'],
      ['he keeps saying hes going OT', 'slang-going-ot'],
      ['someone offered me quick cash to drop off a parcel', 'yp-offered-money'],
      ['do i have to wait 24 hours before reporting him missing', 'missing-child'],
    ];
    for (const [q, id] of cases) {
      const f = knowledge.find(q);
      expect({ q, got: f.kind === 'answer' ? f.entry.id : f.kind }).toEqual({ q, got: id });
    }
  });

  it('offers up to three choices when a question is too vague to be sure', () => {
    const f = knowledge.find('drugs');
    expect(f.kind).toBe('didYouMean');
    if (f.kind === 'didYouMean') expect(f.options.length).toBeGreaterThanOrEqual(2);
    if (f.kind === 'didYouMean') expect(f.options.length).toBeLessThanOrEqual(3);
  });

  it('does not answer what it knows nothing about', () => {
    for (const q of ['how do i pay my council tax', 'whats the capital of france', 'asdfghjkl', '']) {
      expect(knowledge.find(q).kind).toBe('noMatch');
    }
  });

  it('lets the audience break a near-tie: the same worry, asked by a young person or a parent', () => {
    expect(knowledge.rank('i owe them money and they want it back')[0]?.id).toBe('yp-owing-money');
    expect(knowledge.rank('my son owes them money and they want it back')[0]?.id).toBe('threats-and-debts');
  });
});

describe('audienceCue', () => {
  it('reads "my son" as a parent and "I" alone as a young person', () => {
    expect(audienceCue('my son has two phones')).toBe('parent');
    expect(audienceCue('as a mum what can i do')).toBe('parent');
    expect(audienceCue('i owe them money')).toBe('young-person');
    expect(audienceCue('what is county lines')).toBeUndefined();
  });
});

describe('answer replies', () => {
  it('puts the short answer, the local line, the services and one source together', () => {
    const entry = knowledge.get('worried-what-to-do');
    const reply = answerReply(entry, words, 'LOCAL LINE');
    expect(reply.text.startsWith(entry.short)).toBe(true);
    expect(reply.text).toContain('LOCAL LINE');
    expect(reply.text).toContain(services.get('nspcc').contact);
    expect(reply.links).toEqual([{ title: questions.sourceTitle, url: entry.sources[0] }]);
  });

  it('never guesses in the no-match reply, and names a helpline for the audience', () => {
    expect(noMatchReply(words, 'young-person').text).toContain(services.get('childline').contact);
    expect(noMatchReply(words, 'parent').text).toContain(services.get('nspcc').contact);
  });
});
