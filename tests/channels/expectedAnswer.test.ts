import { isExpectedAnswer } from '../../src/channels/expectedAnswer';

describe('isExpectedAnswer', () => {
  it.each(['16', '15?', '10.', 'about 14', '13 or 14', '15-16', "I'm 16", 'im 15', 'he\u2019s 12', '16 years old', '9 yrs', 'around 16'])('%j is an age', (text) => {
    expect(isExpectedAnswer(text, 'age')).toBe(true);
  });

  it.each(['16 and they have a knife', 'im 16 and i want to die', 'help', 'theyre outside now', '999 now', '123'])('%j is not only an age', (text) => {
    expect(isExpectedAnswer(text, 'age')).toBe(false);
  });

  it('is false when nothing was expected', () => {
    expect(isExpectedAnswer('16', undefined)).toBe(false);
  });
});
