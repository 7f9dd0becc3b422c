import { hashSecret, newApiToken, parseApiToken, secretMatches, tokenRefusal } from '../../src/staff/apiToken';
import { sampleToken } from './apiTokenStoreContract';

describe('API tokens', () => {
  const now = new Date('2026-11-23T09:00:00.000Z');

  it('makes a random cs_<id>_<secret> token and keeps only a hash of id and secret', () => {
    const made = newApiToken('jo-bloggs-7k2p', 'sync', 90, now);
    const parsed = parseApiToken(`Bearer ${made.bearer}`);
    expect(parsed?.id).toBe(made.token.id);
    expect(Buffer.from(parsed!.secret, 'base64url')).toHaveLength(32);
    expect(made.token).toEqual({ id: made.token.id, staffId: 'jo-bloggs-7k2p', label: 'sync', createdAt: now.toISOString(), expiresAt: '2027-02-21T09:00:00.000Z', lastUsedDay: null, revokedAt: null });
    expect(made.secretHash).toBe(hashSecret(parsed!.id, parsed!.secret));
    expect(made.secretHash).not.toContain(parsed!.secret);
    expect(newApiToken('jo-bloggs-7k2p', '', 1, now).bearer).not.toBe(made.bearer);
  });

  it('matches the secret in constant time, and never a hash moved to another id', () => {
    const hash = hashSecret('k7pm3xq9rt4w', 'the-secret');
    expect(secretMatches('k7pm3xq9rt4w', 'the-secret', hash)).toBe(true);
    expect(secretMatches('k7pm3xq9rt4w', 'the-secreT', hash)).toBe(false);
    expect(secretMatches('000000000000', 'the-secret', hash)).toBe(false);
    expect(secretMatches('k7pm3xq9rt4w', 'the-secret', 'abc')).toBe(false);
  });

  it.each([
    ['a console password in the old form', 'Bearer jo-bloggs-7k2p.K7PM-3XQ9-RT4W-HN2C-0ZBD-8VYA'],
    ['no scheme', `cs_k7pm3xq9rt4w_${'A'.repeat(43)}`],
    ['another scheme', `Basic cs_k7pm3xq9rt4w_${'A'.repeat(43)}`],
    ['a short secret', `Bearer cs_k7pm3xq9rt4w_${'A'.repeat(42)}`],
    ['an id outside the alphabet', `Bearer cs_k7pm3xq9rt4u_${'A'.repeat(43)}`],
    ['trailing text', `Bearer cs_k7pm3xq9rt4w_${'A'.repeat(43)} x`],
    ['nothing', undefined],
  ])('parses %s as no token', (_, header) => {
    expect(parseApiToken(header)).toBeUndefined();
  });

  it('says a token is revoked or expired (at its expiry instant), or nothing when it is live', () => {
    expect(tokenRefusal(sampleToken(), new Date('2025-05-30T08:59:59.999Z'))).toBeUndefined();
    expect(tokenRefusal(sampleToken(), new Date('2025-05-30T09:00:00.000Z'))).toBe('expired');
    expect(tokenRefusal(sampleToken({ revokedAt: '2025-03-02T00:00:00.000Z' }), new Date('2025-03-03T00:00:00.000Z'))).toBe('revoked');
  });
});
