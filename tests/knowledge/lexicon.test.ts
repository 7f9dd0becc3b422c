import { conceptTerm, Lexicon } from '../../src/knowledge/lexicon';
import { contentDir } from '../helpers/transcript';

describe('Lexicon', () => {
  const lexicon = Lexicon.load(contentDir);

  it('rewrites slang, phrases and misspellings to one concept', () => {
    const ot = conceptTerm('going-ot');
    expect(lexicon.terms('he said hes going cunch')).toContain(ot);
    expect(lexicon.terms('going OT this weekend')).toContain(ot);
    expect(lexicon.terms('gone country again')).toContain(ot);
    expect(lexicon.terms('what is contry lines')).toEqual([conceptTerm('county-lines')]);
    expect(lexicon.terms('what is cukooing')).toEqual([conceptTerm('cuckooing')]);
  });

  it('matches the longest variant first', () => {
    expect(lexicon.terms('he wants my bank account')).toContain(conceptTerm('money-mule'));
    expect(lexicon.terms('social media')).toEqual([conceptTerm('social-media')]);
  });

  it('matches whole words only', () => {
    expect(lexicon.terms('lottery')).not.toContain(conceptTerm('going-ot'));
  });

  it('refuses a variant that belongs to two concepts', () => {
    expect(
      () =>
        new Lexicon([
          { id: 'a', says: 'a', variants: ['trap'] },
          { id: 'b', says: 'b', variants: ['traps'] },
        ]),
    ).toThrow(/also belongs to a/);
  });
});
