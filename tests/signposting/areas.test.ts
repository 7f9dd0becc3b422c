import { defaultContentDir } from '../../src/content/contentDir';
import { ContentError } from '../../src/content/loadYaml';
import { detectArea, maskPlaces, matchPlace, PLACE_WORD } from '../../src/signposting/areas';
import { FrontDoorDirectory } from '../../src/signposting/frontDoorDirectory';

const dir = FrontDoorDirectory.load(defaultContentDir());
const area = (text: string) => detectArea(text, dir);

describe('detectArea', () => {
  it.each([
    ['We live in Sheffield', 'sheffield'],
    ['my son is in DONCASTER', 'doncaster'],
    ['donny', 'doncaster'],
    ['near Donnie town centre', 'doncaster'],
    ['doncster', 'doncaster'],
    ['sheff', 'sheffield'],
    ['rotheram', 'rotherham'],
    ['barnsly', 'barnsley'],
    ['Mexborough', 'doncaster'],
    ['Wath-upon-Dearne', 'rotherham'],
    ['wath upon dearne', 'rotherham'],
    ['up Parson Cross', 'sheffield'],
    ['high   green', 'sheffield'],
    ['the Manor Top shops', 'sheffield'],
    ['Barnsley’s market', 'barnsley'],
    ["Sheffield's city centre", 'sheffield'],
    ['Penistone.', 'barnsley'],
  ])('%s → %s', (text, expected) => {
    expect(area(text)).toBe(expected);
  });

  it.each([
    ['S10', 'sheffield'],
    ['s1', 'sheffield'],
    ['S6 4AB', 'sheffield'],
    ['s6 4ab', 'sheffield'],
    ['s64ab', 'sheffield'],
    ['s61 2ab', 'rotherham'],
    ['DN4', 'doncaster'],
    ['dn12 3xy', 'doncaster'],
    ['S70 1AA', 'barnsley'],
    ['our postcode is S25', 'rotherham'],
  ])('postcode %s → %s', (text, expected) => {
    expect(area(text)).toBe(expected);
  });

  it('tells S1 from S10 and S1 from S61', () => {
    expect(area('S10 2TN')).toBe('sheffield');
    expect(area('S61')).toBe('rotherham');
    expect(area('S16')).toBeUndefined();
    expect(area('S21')).toBeUndefined();
  });

  it.each([
    'Sheffield or Rotherham',
    'we moved from Barnsley to Doncaster',
    'Sheffield, S61 2AB',
  ])('is ambiguous when two areas are named: %s', (text) => {
    expect(area(text)).toBeUndefined();
  });

  it.each([
    'he is very skilled',
    'a manorial estate',
    'they are on our manor',
    'Thornes',
    'Wathen',
    'sheffielder',
    'the S100 form',
    'PS1 game',
    'bentleys',
    '',
  ])('finds no area in %p', (text) => {
    expect(area(text)).toBeUndefined();
  });

  it('finds every listed place, short form and postcode district under its own area', () => {
    for (const info of dir.areas()) {
      for (const word of [...info.places, ...info.shortForms, ...info.postcodeDistricts]) {
        expect([word, area(`I live in ${word}`)]).toEqual([word, info.id]);
      }
    }
  });
});

describe('FrontDoorDirectory words', () => {
  it('refuses a place listed under two areas', () => {
    const areas = dir.areas().map((a) => (a.id === 'rotherham' ? { ...a, places: [...a.places, 'Mexborough'] } : a));
    expect(() => new FrontDoorDirectory(areas)).toThrow(ContentError);
  });

  it('refuses a postcode district listed under two areas', () => {
    const areas = dir.areas().map((a) => (a.id === 'barnsley' ? { ...a, postcodeDistricts: ['S6'] } : a));
    expect(() => new FrontDoorDirectory(areas)).toThrow('"s6" is listed under both');
  });

  it('refuses a directory missing an area', () => {
    expect(() => new FrontDoorDirectory(dir.areas().slice(1))).toThrow('missing area barnsley');
  });
});

describe('matchPlace (routing a report)', () => {
  const place = (text: string) => matchPlace(text, dir);

  it.each([
    ['S70', 'barnsley'],
    ['DN1', 'doncaster'],
    ['S60', 'rotherham'],
    ['S1', 'sheffield'],
    ['Mexborough', 'doncaster'],
    ['Goldthorpe', 'barnsley'],
    ['Maltby', 'rotherham'],
    ['Hillsborough', 'sheffield'],
    ['Mexborough, S64 0AB', 'doncaster'],
    ['near Wath, S63', 'rotherham'],
  ])('%s → %s', (text, expected) => {
    expect(place(text)).toEqual({ kind: 'area', area: expected });
  });

  it.each([
    ['S63', ['barnsley', 'rotherham']],
    ['s64 5tt', ['doncaster', 'rotherham']],
    ['S35', ['barnsley', 'sheffield']],
    ['S36 2AB', ['barnsley', 'sheffield']],
    ['between Sheffield and Rotherham', ['rotherham', 'sheffield']],
  ])('%s is on a border: ask which of %j', (text, areas) => {
    expect(place(text)).toEqual({ kind: 'ambiguous', areas });
  });

  it.each(['Leeds', 'LS1 4AP', 'round the back of the shops', ''])('%j is not a place we know', (text) => {
    expect(place(text)).toEqual({ kind: 'unknown' });
  });

  it('refuses content that lists a border district under one area as well', () => {
    const areas = dir.areas().map((a) => (a.id === 'rotherham' ? { ...a, postcodeDistricts: [...a.postcodeDistricts, 'S63'] } : a));
    expect(() => new FrontDoorDirectory(areas, dir.sharedDistricts())).toThrow('S63 is a shared district');
  });
});

describe('maskPlaces', () => {
  it('replaces place names, short forms and postcode districts with one word, for the question classifier', () => {
    expect(maskPlaces('who do i call in Donny?', dir)).toBe(`who do i call in ${PLACE_WORD}`);
    expect(maskPlaces('lads hanging round S63 and Goldthorpe', dir)).toBe(`lads hanging round ${PLACE_WORD} and ${PLACE_WORD}`);
  });

  it('gives the text back as it was when it names no place', () => {
    expect(maskPlaces('What is cuckooing?', dir)).toBe('What is cuckooing?');
  });
});
