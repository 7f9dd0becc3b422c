import { countSyllables, fleschKincaidGrade } from '../../src/knowledge/readability';

describe('readability', () => {
  it.each([
    ['cat', 1],
    ['phone', 1],
    ['money', 2],
    ['exploitation', 4],
    ['criminal', 3],
  ])('%s has about %i syllables', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });

  it('scores short plain sentences low and dense official prose high', () => {
    expect(fleschKincaidGrade('You are not in trouble. You can tell us. We will help.')).toBeLessThan(3);
    expect(
      fleschKincaidGrade(
        'Multi-agency safeguarding arrangements necessitate comprehensive information-sharing protocols between statutory organisations and voluntary sector partners.',
      ),
    ).toBeGreaterThan(14);
  });
});
