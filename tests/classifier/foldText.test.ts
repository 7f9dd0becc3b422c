import { foldText, tokensOf } from '../../src/classifier/foldText';

describe('foldText', () => {
  it('makes the ways one word is typed on a phone look alike', () => {
    expect(foldText('THEY’RE Outside')).toBe('theyre outside');
    expect(foldText('Mają nóż')).toBe('maja noz');
    expect(foldText('Fiul meu a luat pastile, e în pericol')).toBe('fiul meu a luat pastile, e in pericol');
    expect(foldText('Můj syn, Mój syn, Môj syn')).toBe('muj syn, moj syn, moj syn');
    expect(foldText('ł ø ß')).toBe('l o ss');
    expect(foldText('pleeeeease heeelp')).toBe('pleease heelp');
  });

  it('keeps the marks that are part of words in other scripts (Gurmukhi vowel signs, Arabic)', () => {
    expect(foldText('ਮੇਰਾ ਪੁੱਤਰ')).toBe('ਮੇਰਾ ਪੁੱਤਰ');
    expect(foldText('مدد کرو')).toBe('مدد کرو');
    expect(foldText('Мій син')).toBe('мій син');
  });
});

describe('tokensOf', () => {
  it('gives words, digits and single emoji in order', () => {
    expect(tokensOf(foldText('help!! 2 of them 🔪🔪 outside…'))).toEqual(['help', '2', 'of', 'them', '🔪', '🔪', 'outside']);
    expect(tokensOf('ਮੇਰਾ ਪੁੱਤਰ')).toEqual(['ਮੇਰਾ', 'ਪੁੱਤਰ']);
    expect(tokensOf('')).toEqual([]);
  });
});
