import { phoneticKey } from '../../src/classifier/phoneticKey';

describe('phoneticKey', () => {
  it.each([
    ['skool', 'school'],
    ['nife', 'knife'],
    ['polise', 'police'],
    ['munny', 'money'],
    ['fone', 'phone'],
    ['sumthing', 'something'],
    ['cuntry', 'country'],
    ['exploitashun', 'exploitation'],
  ])('gives "%s" the same key as "%s"', (typed, meant) => {
    expect(phoneticKey(typed)).toBe(phoneticKey(meant));
  });

  it.each([
    ['money', 'honey'],
    ['cash', 'card'],
    ['drugs', 'trucks'],
  ])('keeps "%s" and "%s" apart (different consonants)', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('leaves short words, numbers and other scripts alone', () => {
    expect(phoneticKey('ot')).toBe('ot');
    expect(phoneticKey('s65')).toBe('s65');
    expect(phoneticKey('nóż')).toBe('nóż');
  });
});
