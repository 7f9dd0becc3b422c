import { chatLanguage, chatSettingsFrom, chatTitle, DEFAULT_TITLE } from '../../src/webchat/chatSettings';
import { contrastRatio, parseHexColour } from '../../src/webchat/colourContrast';

const query = (q: Record<string, string>) => new URLSearchParams(q);

describe('colour contrast', () => {
  it('reads #rgb and #rrggbb in any case, and nothing else', () => {
    expect(parseHexColour('#1D70B8')).toBe('#1d70b8');
    expect(parseHexColour('#fff')).toBe('#ffffff');
    for (const bad of ['1d70b8', '#12345', 'red', '#ggg', '#1d70b8;background:url(x)', '', null, undefined]) {
      expect(parseHexColour(bad)).toBeUndefined();
    }
  });

  it('computes the WCAG ratio: 21 for black on white, 1 for a colour on itself, 5.17 for GOV.UK blue', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d70b8', '#1d70b8')).toBe(1);
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
  });
});

describe('chat settings from the query string', () => {
  it('keeps a council pair that reads well, and uses it as the accent only if it reads well on white', () => {
    expect(chatSettingsFrom(query({ colour: '#00703c', 'text-colour': '#fff' }))).toMatchObject({
      colours: { background: '#00703c', text: '#ffffff' },
      accent: '#00703c',
    });
    // Yellow with black text passes (14.5:1), but yellow is unreadable as link colour on white.
    expect(chatSettingsFrom(query({ colour: '#ffdd00', 'text-colour': '#0b0c0c' }))).toMatchObject({
      colours: { background: '#ffdd00', text: '#0b0c0c' },
      accent: '#1d70b8',
    });
  });

  it('falls back to both defaults when the pair is below 4.5:1 or either colour is missing or malformed', () => {
    const defaults = { colours: { background: '#1d70b8', text: '#ffffff' }, accent: '#1d70b8' };
    expect(chatSettingsFrom(query({ colour: '#ffdd00', 'text-colour': '#ffffff' }))).toMatchObject(defaults); // 1.4:1
    expect(chatSettingsFrom(query({ colour: '#767676', 'text-colour': '#ffffff' }))).toMatchObject({ accent: '#767676' }); // 4.54:1 passes
    expect(chatSettingsFrom(query({ colour: '#777777', 'text-colour': '#ffffff' }))).toMatchObject(defaults); // 4.48:1 fails
    expect(chatSettingsFrom(query({ colour: '#000000' }))).toMatchObject(defaults);
    expect(chatSettingsFrom(query({ colour: 'black', 'text-colour': '#ffffff' }))).toMatchObject(defaults);
    expect(chatSettingsFrom(query({}))).toEqual({ language: 'en-GB', title: DEFAULT_TITLE, ...defaults });
  });

  it('allows only the languages Web Chat has strings for (en-GB), in any letter case', () => {
    expect(chatLanguage('en-GB')).toBe('en-GB');
    expect(chatLanguage('EN-gb')).toBe('en-GB');
    for (const other of ['cy-GB', 'fr-FR', 'en', '"><script>', '', null]) expect(chatLanguage(other)).toBe('en-GB');
  });

  it('tidies a title, and uses the default for an empty or over-long one', () => {
    expect(chatTitle('  Worried\u0000 about\n a   child? ')).toBe('Worried about a child?');
    expect(chatTitle('<script>alert(1)</script>')).toBe('<script>alert(1)</script>'); // escaped when rendered
    expect(chatTitle('x'.repeat(60))).toBe('x'.repeat(60));
    expect(chatTitle('x'.repeat(61))).toBe(DEFAULT_TITLE);
    expect(chatTitle('\u{1F600}'.repeat(60))).toBe('\u{1F600}'.repeat(60)); // counted in characters, not UTF-16 units
    expect(chatTitle('   ')).toBe(DEFAULT_TITLE);
    expect(chatTitle(null)).toBe(DEFAULT_TITLE);
  });
});
