import { audienceCue } from '../../src/knowledge/audienceCues';
import { answerReply, noMatchReply } from '../../src/knowledge/answerReply';
import type { Asker } from '../../src/knowledge/answerTopics';
import { ModelPicker } from '../../src/knowledge/modelPicker';
import { SearchPicker } from '../../src/knowledge/searchPicker';
import { knowledge, questions, services } from '../helpers/transcript';

const words = { kb: knowledge, services, content: questions };
const web: Asker = { channel: 'web' };
const idOf = (q: string, asker: Asker = web) => {
  const f = knowledge.find(q, asker);
  return f.kind === 'answer' ? f.entry.id : f.kind;
};

describe('KnowledgeBase.find', () => {
  it('runs on the trained question model shipped in content/', () => {
    expect(knowledge.classifier).toBeDefined();
    expect(knowledge.picker).toBeInstanceOf(ModelPicker);
  });

  it('answers clear questions, typos and slang included', () => {
    const cases: Array<[string, string]> = [
      ['what is cuckooing', 'cuckooing'],
      ['wat is cukooing', 'cuckooing'],
      ['whats plugging', 'plugging'],
      ['he keeps saying hes going OT', 'slang-going-ot'],
      ['do i have to wait 24 hours before reporting him missing', 'missing-child'],
    ];
    for (const [q, id] of cases) expect({ q, got: idOf(q) }).toEqual({ q, got: id });
  });

  it('finds a key term inside a longer, worried message', () => {
    const q = 'sorry to bother you, im in bits tonight. my lad keeps on about going cunch with his mates, what does that even mean?';
    expect(idOf(q)).toBe('slang-going-ot');
  });

  it('does not answer what it knows nothing about', () => {
    for (const q of ['how do i pay my council tax', 'whats the capital of france', 'asdfghjkl', '']) {
      expect({ q, got: knowledge.find(q, web).kind }).toEqual({ q, got: 'noMatch' });
    }
  });

  it('offers at most three choices when the model is unsure (thresholds set so that nothing is sure)', () => {
    const unsure = new ModelPicker(knowledge.classifier!, knowledge.index, knowledge.topics, { answer: 1, suggest: 0.01, searchWeight: 0.3 });
    const f = knowledge.find('what is cuckooing', web, unsure);
    expect(f.kind).toBe('didYouMean');
    if (f.kind === 'didYouMean') {
      expect(f.options.length).toBeGreaterThanOrEqual(1);
      expect(f.options.length).toBeLessThanOrEqual(3);
      expect(f.options.map((e) => e.id)).toContain('cuckooing');
    }
  });

  it('keeps the first version\'s search picker for comparison: a sure answer, and "did you mean" for one vague word', () => {
    const search = new SearchPicker(knowledge.index, knowledge.topics);
    const sure = knowledge.find('what is cuckooing', web, search);
    expect(sure.kind === 'answer' && sure.entry.id).toBe('cuckooing');
    const vague = knowledge.find('drugs', web, search);
    expect(vague.kind).toBe('didYouMean');
  });
});

describe('the version of an answer for the person asking', () => {
  it('gives a parent who said so the parent version, and a young person the one written for them', () => {
    const q = 'they say i owe them money and they want it back';
    expect(idOf(q, { channel: 'web', audience: 'parent' })).toBe('debt-bondage');
    expect(idOf(q, { channel: 'web', audience: 'young-person' })).toBe('yp-owing-money');
  });

  it('has a version of the issue\'s four answers for each side: arrested, what to do tonight, threats, can\'t tell parents', () => {
    const parent: Asker = { channel: 'web', audience: 'parent' };
    const young: Asker = { channel: 'text', audience: 'young-person' };
    expect(idOf('will my son get arrested if i report this', parent)).toBe('parent-child-arrested');
    expect(idOf('will i get arrested if i tell someone', young)).toBe('yp-arrested-if-i-tell');
    expect(idOf('what do i do tonight', parent)).toBe('worried-what-to-do');
    expect(idOf('what do i do tonight', young)).toBe('yp-what-to-do');
    expect(idOf('they said they will hurt my family', parent)).toBe('threats-and-debts');
    expect(idOf('they said they will hurt my family', young)).toBe('yp-threats');
  });

  it('reads who is asking from the words when they did not say: "my son" or "I"', () => {
    // Debt or threats: either topic is right; the version must be the one for the person asking.
    const parent = knowledge.find('my son owes them money and they want it back', web);
    const young = knowledge.find('i owe them money and they want it back', web);
    expect(parent.kind === 'answer' && ['debt-bondage', 'threats-and-debts'].includes(parent.entry.id)).toBe(true);
    expect(young.kind === 'answer' && ['yp-owing-money', 'yp-threats'].includes(young.entry.id)).toBe(true);
  });

  it('answers "is this chat recorded" on a text channel with the version for texts, not the browser advice', () => {
    const q = 'is this chat recorded';
    expect(idOf(q, { channel: 'web' })).toBe('privacy');
    expect(idOf(q, { channel: 'text' })).toBe('privacy-text');
    const text = knowledge.get('privacy-text');
    expect(text.short + (text.long ?? '')).not.toMatch(/shift|browser/i);
  });

  it('tells a young person who cannot tell their parents about someone else to talk to, not the adults\' line', () => {
    const f = knowledge.find('i cant tell my mum whats going on', { channel: 'text', audience: 'young-person' });
    expect(f.kind === 'answer' && f.entry.id).toBe('yp-cant-tell-parents');
    if (f.kind === 'answer') expect(f.entry.audience).toBe('young-person');
  });
});

describe('audienceCue', () => {
  it('reads "my son" as a parent and "I" alone as a young person', () => {
    expect(audienceCue('my son has two phones')).toBe('parent');
    expect(audienceCue('as a mum what can i do')).toBe('parent');
    expect(audienceCue('i owe them money')).toBe('young-person');
    expect(audienceCue('what is county lines')).toBeUndefined();
  });

  it('reads an adult asking about a child, a young person about a friend, and "my mum" as the young person', () => {
    expect(audienceCue('will she be arrested if i report it')).toBe('parent');
    expect(audienceCue('my mate is selling for them and i dont know what to do, he is scared')).toBe('young-person');
    expect(audienceCue('i cant tell my mum')).toBe('young-person');
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
