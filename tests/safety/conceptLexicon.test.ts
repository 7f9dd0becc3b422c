import { ContentError } from '../../src/content/loadYaml';
import { ConceptLexicon, LEXICON_LANGUAGES, loadConceptLexicon, type LexiconFile } from '../../src/safety/conceptLexicon';
import { contentDir } from '../helpers/transcript';

function lexiconOf(terms: Record<string, string[]>, concepts = Object.keys(terms)): ConceptLexicon {
  const file: LexiconFile = {
    owner: 'o',
    reviewed: '2026-12-01',
    concepts: Object.fromEntries(concepts.map((c) => [c, c])),
    languages: { en: { name: 'English', check: 'not-needed', terms } } as LexiconFile['languages'],
  };
  return new ConceptLexicon(file);
}

describe('ConceptLexicon', () => {
  const lexicon = lexiconOf({ knife: ['knife', 'noz*'], wantdie: ['want to die', 'chcę umrzeć'], blood: ['*سكين*'], pills: ['tablet*'] });

  it('finds whole words, stems with any ending, phrases, and letters inside a word', () => {
    expect(lexicon.conceptsInText('he has a KNIFE')).toEqual(['knife']);
    expect(lexicon.conceptsInText('mają nożem')).toEqual(['knife']);
    expect(lexicon.conceptsInText('i want to die')).toEqual(['wantdie']);
    expect(lexicon.conceptsInText('Chcę umrzeć')).toEqual(['wantdie']);
    expect(lexicon.conceptsInText('chce umrzec')).toEqual(['wantdie']);
    expect(lexicon.conceptsInText('بالسكين')).toEqual(['blood']);
    expect(lexicon.conceptsInText('took the tablets')).toEqual(['pills']);
  });

  it('gives each concept once, and nothing for words that only look alike', () => {
    expect(lexicon.conceptsInText('knife knife knife')).toEqual(['knife']);
    expect(lexicon.conceptsInText('knives')).toEqual([]);
    expect(lexicon.conceptsInText('i want to')).toEqual([]);
    expect(lexicon.conceptsInText('')).toEqual([]);
  });

  it('refuses an unknown concept, a stem too short to be safe and a misplaced "*", naming the term', () => {
    expect(() => lexiconOf({ knife: ['knife'] }, ['gun'])).toThrow(/unknown concept "knife"/);
    expect(() => lexiconOf({ knife: ['no*'] })).toThrow(/"no\*": a stem needs at least 3 letters/);
    expect(() => lexiconOf({ knife: ['kn*ife'] })).toThrow(ContentError);
  });

  it('has a fingerprint that changes with the terms (a model trained on other terms is refused)', () => {
    expect(lexiconOf({ knife: ['knife'] }).fingerprint).toBe(lexiconOf({ knife: ['knife'] }).fingerprint);
    expect(lexiconOf({ knife: ['knife'] }).fingerprint).not.toBe(lexiconOf({ knife: ['knife', 'blade'] }).fingerprint);
  });
});

describe('content/safety-lexicon.yaml', () => {
  const { lexicon, awaitingCheck } = loadConceptLexicon(contentDir);

  it('covers every language the service carries a block for, each awaiting a native speaker but English', () => {
    expect(awaitingCheck.sort()).toEqual(LEXICON_LANGUAGES.filter((l) => l !== 'en').sort());
    expect(lexicon.concepts.length).toBeGreaterThanOrEqual(50);
  });

  it('maps the same idea in different languages to the same concept', () => {
    for (const text of ['he has a knife', 'ma nóż', 'are un cuțit', 'má nôž', 'má nůž', 'у нього ніж', 'اس کے پاس چاقو ہے', 'معه سكين']) {
      expect(lexicon.conceptsInText(text)).toContain('knife');
    }
  });
});
