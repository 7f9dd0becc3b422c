import { featuresOf, windowsOf, type FeatureOptions } from '../../src/classifier/features';

const ALL: FeatureOptions = { words: true, bigrams: true, chars: [3, 4], concepts: true, conceptPairs: true, ruleCues: true, phraseChars: [3, 4] };

describe('featuresOf', () => {
  it('names words, word pairs, letter groups with a space as start and end mark, concepts and concept pairs', () => {
    const f = featuresOf(['got', 'a', 'knife'], ['knife', 'weapon'], ALL);
    expect(f).toEqual(expect.arrayContaining(['w:got', 'w:knife', 'b:got a', 'b:a knife', 'c: go', 'c:got ', 'c: kni', 'c:ife ', 'k:knife', 'k:weapon', 'kk:knife+weapon']));
    expect(new Set(f).size).toBe(f.length);
  });

  it('takes letter groups across word boundaries only when asked, and only those with a space inside', () => {
    const f = featuresOf(['not', 'breathing'], [], { words: false, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false, phraseChars: [4, 5] });
    expect(f).toEqual(expect.arrayContaining(['x:t br', 'x:ot b', 'x:t bre']));
    expect(f.every((x) => x.slice(3, -1).includes(' '))).toBe(true);
  });

  it('adds the rules\' cues as they are, when asked', () => {
    expect(featuresOf(['x'], [], { ...ALL, ruleCues: true }, ['r:weapon-present', 'q:past'])).toEqual(expect.arrayContaining(['r:weapon-present', 'q:past']));
    expect(featuresOf(['x'], [], { ...ALL, ruleCues: false }, ['r:weapon-present'])).not.toContain('r:weapon-present');
  });

  it('takes only what the options ask for', () => {
    const f = featuresOf(['got', 'a', 'knife'], ['knife'], { words: true, bigrams: false, chars: null, concepts: false, conceptPairs: false, ruleCues: false, phraseChars: null });
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
