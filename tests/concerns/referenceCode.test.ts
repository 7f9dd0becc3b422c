import { concernSchema } from '../../src/concerns/concern';
import { findReference, newReference, normaliseReference } from '../../src/concerns/referenceCode';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('newReference', () => {
  it('makes 4 groups of 4 Crockford symbols, as the concern schema expects', () => {
    for (let i = 0; i < 100; i++) {
      const ref = newReference();
      expect(ref).toMatch(FORMAT);
      expect(concernSchema.shape.ref.safeParse(ref).success).toBe(true);
    }
  });

  it('does not repeat itself over 10,000 references', () => {
    const refs = new Set(Array.from({ length: 10_000 }, newReference));
    expect(refs.size).toBe(10_000);
    // Without the redraw about 25 of 10,000 would have no digit and be missed when typed alone.
    expect([...refs].filter((ref) => findReference(ref, { requireDigit: true }) !== ref)).toEqual([]);
  });

  it('takes one symbol from the low 5 bits of each of 16 random bytes: 80 bits, no bias', () => {
    // The module object itself (an import * namespace would be a frozen copy): referenceCode calls through it.
    const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const spy = jest.spyOn(crypto, 'randomBytes') as unknown as jest.SpyInstance<Buffer, [number]>;
    try {
      spy.mockImplementationOnce(() => Buffer.from([...Array(16).keys()]));
      expect(newReference()).toBe('0123-4567-89AB-CDEF');
      // The high 3 bits are dropped: 32 + n and 224 + n give the same symbols as n.
      spy.mockImplementationOnce(() => Buffer.from([...Array(16).keys()].map((n) => n + 16 * (n % 2) + (n % 2 ? 32 : 224))));
      expect(newReference()).toBe('0H2K-4N6Q-8SAV-CXEZ');
      expect(spy.mock.calls).toEqual([[16], [16]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('draws again when a draw has no digit, so every reference is found when typed alone at the menu', () => {
    const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const spy = jest.spyOn(crypto, 'randomBytes') as unknown as jest.SpyInstance<Buffer, [number]>;
    try {
      spy.mockImplementationOnce(() => Buffer.from([...Array(16).keys()].map((n) => n + 16)));
      spy.mockImplementationOnce(() => Buffer.from([...Array(16).keys()]));
      expect(newReference()).toBe('0123-4567-89AB-CDEF');
      expect(spy.mock.calls).toEqual([[16], [16]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('uses every symbol about equally often in every position', () => {
    const counts = Array.from({ length: 16 }, () => new Map<string, number>());
    for (let i = 0; i < 10_000; i++) {
      [...newReference().replace(/-/g, '')].forEach((c, pos) => counts[pos]!.set(c, (counts[pos]!.get(c) ?? 0) + 1));
    }
    for (const position of counts) {
      expect([...position.keys()].sort().join('')).toBe(CROCKFORD);
      // 312.5 expected per symbol and position; sd about 17.4, so 200..430 is over 6 sd either side.
      for (const n of position.values()) expect(n).toBeGreaterThan(200);
      for (const n of position.values()) expect(n).toBeLessThan(430);
    }
  });
});

describe('normaliseReference', () => {
  it.each([
    ['K7PM-3XQ9-RT4W-HN2C', 'K7PM-3XQ9-RT4W-HN2C'],
    ['k7pm-3xq9-rt4w-hn2c', 'K7PM-3XQ9-RT4W-HN2C'],
    ['k7pm 3xq9 rt4w hn2c', 'K7PM-3XQ9-RT4W-HN2C'],
    ['K7PM3XQ9RT4WHN2C', 'K7PM-3XQ9-RT4W-HN2C'],
    ['  k7pm.3xq9.rt4w.hn2c ', 'K7PM-3XQ9-RT4W-HN2C'],
    ['K7PM - 3XQ9 -- RT4W\tHN2C', 'K7PM-3XQ9-RT4W-HN2C'],
    ['oO0o-iIlL-1111-0000', '0000-1111-1111-0000'],
    ['K7PM-3XQ9-RT4W-HN2O', 'K7PM-3XQ9-RT4W-HN20'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['K7PM-3XQ9-RT4W-HN2', '15 symbols'],
    ['K7PM-3XQ9-RT4W-HN2CC', '17 symbols'],
    ['K7PM-3XQ9-RT4W-HN2U', 'U is not a symbol'],
    ['K7PM-3XQ9-RT4W-HN2!', 'punctuation'],
    ['K7PM_3XQ9_RT4W_HN2C', 'underscores are not separators'],
    ['K7PM-3XQ9-RT4W-HN2É', 'accented letter'],
    ['K7PM-3XQ9-RT4W-Hß', 'ß, which upper-cases to two letters'],
  ])('rejects %j (%s)', (input) => {
    expect(normaliseReference(input)).toBeUndefined();
  });

  it('reads back every new reference unchanged', () => {
    for (let i = 0; i < 100; i++) {
      const ref = newReference();
      expect(normaliseReference(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref);
    }
  });
});

describe('findReference', () => {
  it.each([
    ['my ref is k7pm 3xq9 rt4w hn2c', 'K7PM-3XQ9-RT4W-HN2C'],
    ['My reference: K7PM-3XQ9-RT4W-HN2C.', 'K7PM-3XQ9-RT4W-HN2C'],
    ['it is "k7pm3xq9rt4whn2c", thanks', 'K7PM-3XQ9-RT4W-HN2C'],
    ['k7pm3xq9 rt4whn2c', 'K7PM-3XQ9-RT4W-HN2C'],
    ['ref k7pm-3xq9-rt4w-hn2o please', 'K7PM-3XQ9-RT4W-HN20'],
    // Four four-letter words look like a reference too; the one with digits wins.
    ['they went over here, my ref is k7pm 3xq9 rt4w hn2c', 'K7PM-3XQ9-RT4W-HN2C'],
  ])('finds the reference in %j', (text, expected) => {
    expect(findReference(text)).toBe(expected);
  });

  it.each([
    'I want to add something to my report',
    'my ref is k7pm 3xq9 rt4w',
    'my ref is k7pm 3xq9 rt4w hn2c9',
    'my ref is k7p m3xq9 rt4w hn2c',
    'ref k7pm 3xq9 rt4w hn2u',
    '',
  ])('finds none in %j', (text) => {
    expect(findReference(text)).toBeUndefined();
  });
});

describe('findReference where a message may be an ordinary question', () => {
  it('takes only a candidate with a digit when asked to', () => {
    expect(findReference('when will they come', { requireDigit: true })).toBeUndefined();
    expect(findReference('they went over here', { requireDigit: true })).toBeUndefined();
    expect(findReference('my ref is k7pm 3xq9 rt4w hn2c', { requireDigit: true })).toBe('K7PM-3XQ9-RT4W-HN2C');
  });
});
