import { fillTemplate, template } from '../../src/content/template';

describe('template', () => {
  const sentence = template('area', 'number');

  it('takes a sentence that uses each of its placeholders', () => {
    expect(sentence.parse('{area}: ring {number}, or {number} again.')).toBe('{area}: ring {number}, or {number} again.');
  });

  it('refuses a sentence that leaves one out, or has one it does not know', () => {
    expect(sentence.safeParse('{area}: ring us.').error?.issues.map((i) => i.message)).toEqual(['must include {number}']);
    expect(sentence.safeParse('{area}: ring {numbr}.').error?.issues.map((i) => i.message)).toEqual([
      'unknown placeholder {numbr} (this sentence takes {area}, {number})',
      'must include {number}',
    ]);
    expect(template().safeParse('ring {number}').error?.issues.map((i) => i.message)).toEqual(['unknown placeholder {number} (this sentence takes none)']);
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder, each time it appears', () => {
    const sentence = template('area', 'number').parse('{area}: ring {number}. Again: {number}.');
    expect(fillTemplate(sentence, { area: 'Sheffield', number: '0114 273 4855' })).toBe('Sheffield: ring 0114 273 4855. Again: 0114 273 4855.');
  });

  it('puts values in as they are, even with $ signs, and leaves unknown braces alone', () => {
    expect(fillTemplate('Contact me on: {how} {other}', { how: 'a$&b$1@example.com' })).toBe('Contact me on: a$&b$1@example.com {other}');
    expect(fillTemplate('{count} of those', { count: 2 })).toBe('2 of those');
  });
});
