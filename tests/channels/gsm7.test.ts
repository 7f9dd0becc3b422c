import { isGsm7, septets, toGsm7 } from '../../src/channels/gsm7';

describe('toGsm7', () => {
  it('writes typographic characters in their plain GSM-7 forms, keeping the words', () => {
    expect(toGsm7('\u201CIt\u2019s fine\u201D \u2013 really\u2026')).toBe('"It\'s fine" - really...');
    expect(toGsm7('ring\u00A0999 \u2014 now')).toBe('ring 999 - now');
    expect(toGsm7('\u2022 NSPCC: 0808 800 5000\n\u2022 Childline: 0800 1111')).toBe('- NSPCC: 0808 800 5000\n- Childline: 0800 1111');
  });

  it('takes off accents GSM-7 lacks, and keeps the accented letters it has', () => {
    expect(toGsm7('na\u00EFve caf\u00E9 se\u00F1or \u00C1lvaro')).toBe('naive caf\u00E9 se\u00F1or Alvaro');
  });

  it('drops emoji, pictographs and invisible marks, which carry no words', () => {
    expect(toGsm7('Thank you \uD83D\uDE4F\u2764\uFE0F for telling me')).toBe('Thank you for telling me');
    expect(toGsm7('ring\u200B 999')).toBe('ring 999');
  });

  it('keeps extension-table characters, which GSM-7 can send', () => {
    expect(toGsm7('costs \u20AC5 [about] {x} | ^ ~ \\')).toBe('costs \u20AC5 [about] {x} | ^ ~ \\');
  });

  it('leaves a text in another script as it is (direction marks and all), not transliterated or stripped', () => {
    const arabic = '\u0627\u062A\u0635\u0644 \u0628\u0627\u0644\u0631\u0642\u0645 999 \u206608000 121 700\u2069';
    expect(toGsm7(arabic)).toBe(arabic);
    const ukrainian = '\u0422\u0435\u043B\u0435\u0444\u043E\u043D\u0443\u0439\u0442\u0435 999';
    expect(toGsm7(ukrainian)).toBe(ukrainian);
    expect(toGsm7('Zadzwo\u0144, pomoc \u0142atwa')).toBe('Zadzwo\u0144, pomoc \u0142atwa');
  });

  it('always gives GSM-7 for English text, whatever typography it came with', () => {
    const samples = ['Don\u2019t worry \u2014 you\u2019re not in trouble \u2022 ring 999', '\u00BD an hour \u00D7 2 \u2192 done\u2122', 'tab\there\r\nnext'];
    for (const s of samples) expect(isGsm7(toGsm7(s))).toBe(true);
  });
});

describe('isGsm7 and septets', () => {
  it('knows the basic set, the extension table and what is outside both', () => {
    expect(isGsm7('@\u00A3$\u00A5\u00E8 \u00C4\u00D6\u00D1\u00DC\u00A7\u00BF\u00E0 \u0394\u03A6\u0393')).toBe(true);
    expect(isGsm7('\u2019')).toBe(false);
    expect(isGsm7('\u00E1')).toBe(false);
    expect(septets('a')).toBe(1);
    expect(septets('\u20AC')).toBe(2);
    expect(septets('[')).toBe(2);
  });
});
