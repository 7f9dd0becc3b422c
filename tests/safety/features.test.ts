import { featuresOf, windowsOf, type FeatureOptions } from '../../src/safety/features';

const ALL: FeatureOptions = { words: true, bigrams: true, chars: [3, 4], concepts: true, conceptPairs: true, ruleCues: true };

describe('featuresOf', () => {
  it('names words, word pairs, letter groups with start and end marks, concepts and concept pairs', () => {
    const f = featuresOf(['got', 'a', 'knife'], ['knife', 'weapon'], ALL);
    expect(f).toEqual(expect.arrayContaining(['w:got', 'w:knife', 'b:got a', 'b:a knife', 'c:<go', 'c:got>', 'c:<kni', 'c:ife>', 'k:knife', 'k:weapon', 'kk:knife+weapon']));
    expect(new Set(f).size).toBe(f.length);
  });

  it('takes only what the options ask for', () => {
    const f = featuresOf(['got', 'a', 'knife'], ['knife'], { words: true, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false });
    expect(f.sort()).toEqual(['w:a', 'w:got', 'w:knife']);
  });

  it('caps the letter groups of a very long word', () => {
    const long = 'x'.repeat(4000);
    expect(featuresOf([long], [], { ...ALL, words: false }).length).toBeLessThan(10);
  });
});

describe('windowsOf', () => {
  it('leaves a short message whole and cuts a long one into overlapping windows that cover it', () => {
    expect(windowsOf([1, 2, 3], 4)).toEqual([]);
    const items = Array.from({ length: 10 }, (_, i) => i);
    const windows = windowsOf(items, 4);
    expect(windows[0]).toEqual([0, 1, 2, 3]);
    expect(windows[1]).toEqual([2, 3, 4, 5]);
    expect(windows.flat()).toEqual(expect.arrayContaining(items));
    expect(windows[windows.length - 1]).toContain(9);
  });
});
