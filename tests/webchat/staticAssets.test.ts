import { acceptsGzip, versionedPath } from '../../src/webchat/staticAssets';

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['deflate, br', false],
    ['x-gzip-not', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('reads a header given more than once, and no header at all', () => {
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('versionedPath', () => {
  it('adds a hash that changes with the content', () => {
    const a = versionedPath({ path: '/webchat/chat.js', body: Buffer.from('a') });
    expect(a).toMatch(/^\/webchat\/chat\.js\?v=[0-9a-f]{12}$/);
    expect(versionedPath({ path: '/webchat/chat.js', body: Buffer.from('a') })).toBe(a);
    expect(versionedPath({ path: '/webchat/chat.js', body: Buffer.from('b') })).not.toBe(a);
  });
});
