import { smsSegments, smsSize } from '../../src/channels/smsSegments';

describe('smsSize', () => {
  it('GSM-7: 160 septets in one segment, then 153 a segment', () => {
    expect(smsSize('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0 });
    expect(smsSize('x'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('x'.repeat(161))).toBe(2);
    expect(smsSegments('x'.repeat(306))).toBe(2);
    expect(smsSegments('x'.repeat(307))).toBe(3);
    expect(smsSegments('x'.repeat(459))).toBe(3);
    expect(smsSegments('x'.repeat(460))).toBe(4);
  });

  it('counts extension-table characters as two septets, never splitting one across segments', () => {
    expect(smsSize('\u20AC'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('\u20AC'.repeat(81))).toBe(2);
    // 152 septets, then a two-septet "[" that does not fit the first part's last septet.
    expect(smsSegments(`${'x'.repeat(152)}[${'x'.repeat(10)}`)).toBe(2);
    expect(smsSegments(`${'x'.repeat(152)}[${'x'.repeat(152)}`)).toBe(3);
  });

  it('UCS-2 as soon as one character is outside GSM-7: 70 code units, then 67 a segment', () => {
    expect(smsSize(`${'x'.repeat(69)}\u2019`)).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegments(`${'x'.repeat(70)}\u2019`)).toBe(2);
    expect(smsSegments('\u0639'.repeat(134))).toBe(2);
    expect(smsSegments('\u0639'.repeat(135))).toBe(3);
  });

  it('counts an emoji as two code units and never splits the pair', () => {
    expect(smsSize('\uD83D\uDE00')).toEqual({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(smsSegments(`${'a'.repeat(66)}\uD83D\uDE00${'a'.repeat(2)}`)).toBe(1);
    // 134 units would fill two parts of 67, but the pair cannot straddle the first part's end.
    expect(smsSegments(`${'a'.repeat(65)}\uD83D\uDE00${'a'.repeat(67)}`)).toBe(2);
    expect(smsSegments(`${'a'.repeat(66)}\uD83D\uDE00${'a'.repeat(66)}`)).toBe(3);
  });
});
