import { parseStaffArgs, UsageError } from '../../src/staff/staffCli';
import { formatIssuedToken, formatTokenLines } from '../../src/staff/tokenCli';
import { sampleToken } from './apiTokenStoreContract';

describe('parseStaffArgs: token', () => {
  it('reads issue (90 days and no label unless given), list and revoke', () => {
    expect(parseStaffArgs(['token', 'issue', 'jo-bloggs-7k2p'])).toEqual({ kind: 'token-issue', staffId: 'jo-bloggs-7k2p', label: '', days: 90 });
    expect(parseStaffArgs(['token', 'issue', 'jo-bloggs-7k2p', '--label', ' Case system ', '--days=365'])).toEqual({ kind: 'token-issue', staffId: 'jo-bloggs-7k2p', label: 'Case system', days: 365 });
    expect(parseStaffArgs(['token', 'list', 'jo-bloggs-7k2p', '--json'])).toEqual({ kind: 'token-list', staffId: 'jo-bloggs-7k2p', json: true });
    expect(parseStaffArgs(['token', 'revoke', 'k7pm3xq9rt4w'])).toEqual({ kind: 'token-revoke', tokenId: 'k7pm3xq9rt4w' });
  });

  it('takes the id of a whole token to revoke (one found leaked)', () => {
    const whole = `cs_k7pm3xq9rt4w_${'A'.repeat(43)}`;
    expect(parseStaffArgs(['token', 'revoke', whole])).toEqual({ kind: 'token-revoke', tokenId: 'k7pm3xq9rt4w' });
  });

  it.each([
    [['token'], 'token needs issue, list or revoke'],
    [['token', 'delete', 'x'], 'unknown token command: delete'],
    [['token', 'issue'], 'token issue needs the account id'],
    [['token', 'list', '--json'], 'token list needs the account id'],
    [['token', 'revoke'], 'token revoke needs the token id'],
    [['token', 'revoke', 'k7pm3xq9rt4w', 'extra'], 'unexpected argument: extra'],
    [['token', 'revoke', 'K7PM3XQ9RT4I'], 'not a token id: K7PM3XQ9RT4I (token list shows them)'],
    [['token', 'issue', 'x', '--days', '366'], '--days must be a whole number from 1 to 365'],
    [['token', 'issue', 'x', '--days', '-1'], '--days must be a whole number from 1 to 365'],
    [['token', 'issue', 'x', '--days', '09'], '--days must be a whole number from 1 to 365'],
    [['token', 'issue', 'x', '--label', 'a\nb'], '--label must be at most 100 printable characters'],
    [['token', 'issue', 'x', '--label', 'x'.repeat(101)], '--label must be at most 100 printable characters'],
    [['token', 'list', 'x', '--days', '3'], 'unknown option: --days'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseStaffArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('token output', () => {
  it('prints an issued token once, with how to use and revoke it', () => {
    const text = formatIssuedToken(sampleToken(), 'cs_k7pm3xq9rt4w_secret');
    expect(text).toMatch(/^Issued API token k7pm3xq9rt4w for jo-bloggs-7k2p \(Case system sync\), expiring 2025-05-30T09:00:00.000Z\.$/m);
    expect(text).toMatch(/^ {2}Token: cs_k7pm3xq9rt4w_secret$/m);
    expect(text).toContain('npm run staff -- token revoke k7pm3xq9rt4w');
  });

  it('lists one aligned line per token with its state, and says when there are none', () => {
    const now = new Date('2025-04-01T00:00:00.000Z');
    const tokens = [
      sampleToken({ lastUsedDay: '2025-03-31' }),
      sampleToken({ id: '0ld000000000', label: '', expiresAt: '2025-03-02T09:00:00.000Z' }),
      sampleToken({ id: 'g0ne00000000', revokedAt: '2025-03-03T00:00:00.000Z' }),
    ];
    expect(formatTokenLines(tokens, now).split('\n')).toEqual([
      'k7pm3xq9rt4w  Case system sync  created 2025-03-01T09:00:00.000Z  expires 2025-05-30T09:00:00.000Z  used 2025-03-31  active',
      '0ld000000000  -                 created 2025-03-01T09:00:00.000Z  expires 2025-03-02T09:00:00.000Z  used never       expired',
      'g0ne00000000  Case system sync  created 2025-03-01T09:00:00.000Z  expires 2025-05-30T09:00:00.000Z  used never       revoked 2025-03-03T00:00:00.000Z',
    ]);
    expect(formatTokenLines([], now)).toBe('No API tokens.');
  });
});
