import { isCrossSite } from '../../src/http/crossSite';

describe('isCrossSite', () => {
  it('believes Sec-Fetch-Site first: only same-origin and none (typed, bookmarked) are our own', () => {
    expect(isCrossSite({ 'sec-fetch-site': 'same-origin', host: 'a.example' })).toBe(false);
    expect(isCrossSite({ 'sec-fetch-site': 'none', host: 'a.example' })).toBe(false);
    expect(isCrossSite({ 'sec-fetch-site': 'same-site', host: 'a.example' })).toBe(true);
    expect(isCrossSite({ 'sec-fetch-site': 'cross-site', origin: 'https://a.example', host: 'a.example' })).toBe(true);
  });

  it('without it, compares Origin with the host, and refuses an origin that is not one', () => {
    expect(isCrossSite({ origin: 'https://a.example', host: 'a.example' })).toBe(false);
    expect(isCrossSite({ origin: 'https://a.example:8443', host: 'a.example:8443' })).toBe(false);
    expect(isCrossSite({ origin: 'https://evil.example', host: 'a.example' })).toBe(true);
    expect(isCrossSite({ origin: 'null', host: 'a.example' })).toBe(true);
  });

  it('calls a request with neither header not cross-site (no browser form sends neither)', () => {
    expect(isCrossSite({ host: 'a.example' })).toBe(false);
  });
});
