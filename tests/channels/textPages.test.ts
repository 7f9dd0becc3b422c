import { fitsSms, packPages, paragraphUnits, sentencesOf } from '../../src/channels/textPages';

describe('textPages', () => {
  it('splits a paragraph at sentence ends, not at abbreviations or numbers inside a sentence', () => {
    expect(sentencesOf('Ring 101. It costs 15p. Open 24 hours, e.g. at night? Yes! "Quoted" too.')).toEqual([
      'Ring 101.',
      'It costs 15p.',
      'Open 24 hours, e.g. at night?',
      'Yes!',
      '"Quoted" too.',
    ]);
  });

  it('counts what the text costs once written in GSM-7: a curly quote does not turn 3 segments into 7', () => {
    const text = `${'x'.repeat(400)}\u2019s`;
    expect(fitsSms(text, 3)).toBe(true);
    expect(fitsSms('x'.repeat(460), 3)).toBe(false);
  });

  it('packs whole sentences into as few pages as fit, in order, losing nothing', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const pages = packPages(paragraphUnits(text), (p) => fitsSms(p, 1));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(fitsSms(page, 1)).toBe(true);
      expect(page).toMatch(/^Sentence number \d+ is here\..*\.$/);
    }
    expect(pages.join(' ')).toBe(text);
  });

  it('cuts a sentence too long for any page between words rather than break the budget', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const pages = packPages([{ text: long, joiner: '\n\n' }], (p) => fitsSms(p, 1));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(fitsSms(page, 1)).toBe(true);
    expect(pages.join(' ')).toBe(long);
  });
});
