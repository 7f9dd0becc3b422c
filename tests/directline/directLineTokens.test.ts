import { DirectLineTokens } from '../../src/directline/directLineTokens';

describe('DirectLineTokens', () => {
  let nowMs = 5_000_000;
  const tokens = new DirectLineTokens(30 * 60_000, () => nowMs);

  it('opens the conversation it was issued for, until it expires', () => {
    const { token, expiresIn } = tokens.issue('conversation-aaaaaaaaaaaa');
    expect(expiresIn).toBe(1800);
    expect(tokens.check(token)).toEqual({ ok: true, conversationId: 'conversation-aaaaaaaaaaaa' });
    nowMs += 30 * 60_000;
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token that was changed, forged, or signed by another process', () => {
    const { token } = tokens.issue('conversation-bbbbbbbbbbbb');
    const [, expires, signature] = token.split('.');
    expect(tokens.check(`conversation-cccccccccccc.${expires}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(`conversation-bbbbbbbbbbbb.zzzzzzzz.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check('not-a-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(new DirectLineTokens(60_000, () => nowMs).check(token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
