import { createHmac, timingSafeEqual } from 'node:crypto';

export interface IssuedToken {
  token: string;
  /** Seconds until it expires, as Direct Line says it. */
  expiresIn: number;
}

export type TokenCheck = { ok: true; conversationId: string } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Short-lived tokens for the built-in Direct Line: "<conversation id>.<expiry>.<signature>", signed with a
 * key from config or DATA_DIR (see loadTokenKey), so a token outlives a restart and any server with the same
 * key accepts it. A token opens one conversation and nothing else, and carries nothing about its holder.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(conversationId: string): IssuedToken {
    const expires = this.now() + this.lifetimeMs;
    const body = `${conversationId}.${expires.toString(36)}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: Math.floor(this.lifetimeMs / 1000) };
  }

  check(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'invalid' };
    const [conversationId = '', expiresText = '', signature = ''] = parts;
    const expected = Buffer.from(this.sign(`${conversationId}.${expiresText}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    if (parseInt(expiresText, 36) <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, conversationId };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
