import { editDistance } from '../../src/knowledge/editDistance';
import { isStopword, stem, tokens } from '../../src/knowledge/tokenize';

describe('tokens and stems', () => {
  it('joins the forms of a word', () => {
    expect(stem('carrying')).toBe(stem('carry'));
    expect(stem('carries')).toBe(stem('carry'));
    expect(stem('groomed')).toBe(stem('grooming'));
    expect(stem('phones')).toBe(stem('phone'));
    expect(stem('running')).toBe(stem('run'));
  });

  it('straightens curly apostrophes, drops punctuation and squeezes repeated letters', () => {
    expect(tokens('He’s got SOOOO much cash!!!').map((t) => t.word)).toEqual(['hes', 'got', 'soo', 'much', 'cash']);
  });

  it('respells text-speak and irregular plurals', () => {
    expect(tokens('kids n ppl').map((t) => t.word)).toEqual(['kid', 'and', 'person']);
  });

  it('treats question framing as stop words but keeps words that carry meaning', () => {
    for (const w of ['what', 'is', 'the', 'explain', 'mean']) expect(isStopword(w)).toBe(true);
    for (const w of ['missing', 'money', 'out', 'knife']) expect(isStopword(w)).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts edits, with a swap of neighbouring letters as one', () => {
    expect(editDistance('cukooing', 'cuckooing', 2)).toBe(1);
    expect(editDistance('grooimng', 'grooming', 2)).toBe(1);
    expect(editDistance('county', 'country', 2)).toBe(1);
  });

  it('gives up past the limit', () => {
    expect(editDistance('skilled', 'killed', 0)).toBe(1);
    expect(editDistance('pothole', 'plugging', 2)).toBe(3);
  });
});
