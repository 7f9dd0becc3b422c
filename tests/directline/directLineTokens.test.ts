import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectLineTokens } from '../../src/directline/directLineTokens';
import { loadTokenKey, TOKEN_KEY_FILE } from '../../src/directline/tokenKey';

describe('DirectLineTokens', () => {
  let nowMs = 5_000_000;
  const key = randomBytes(32);
  const tokens = new DirectLineTokens(key, 30 * 60_000, () => nowMs);

  it('opens the conversation it was issued for, until it expires', () => {
    const { token, expiresIn } = tokens.issue('conversation-aaaaaaaaaaaa');
    expect(expiresIn).toBe(1800);
    expect(tokens.check(token)).toEqual({ ok: true, conversationId: 'conversation-aaaaaaaaaaaa' });
    nowMs += 30 * 60_000;
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token that was changed, forged, or signed with another key', () => {
    const { token } = tokens.issue('conversation-bbbbbbbbbbbb');
    const [, expires, signature] = token.split('.');
    expect(tokens.check(`conversation-cccccccccccc.${expires}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(`conversation-bbbbbbbbbbbb.zzzzzzzz.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check('not-a-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(new DirectLineTokens(randomBytes(32), 60_000, () => nowMs).check(token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('accepts a token signed by another instance with the same key (a restart, another server)', () => {
    const { token } = tokens.issue('conversation-dddddddddddd');
    expect(new DirectLineTokens(Buffer.from(key), 30 * 60_000, () => nowMs).check(token)).toEqual({ ok: true, conversationId: 'conversation-dddddddddddd' });
  });
});

describe('loadTokenKey', () => {
  let dataDir = '';
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'clearsight-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses DIRECTLINE_TOKEN_SECRET when set, and writes no file', () => {
    const secret = randomBytes(32).toString('base64url');
    expect(loadTokenKey({ DIRECTLINE_TOKEN_SECRET: secret, DATA_DIR: dataDir }).toString('utf8')).toBe(secret);
    expect(() => statSync(join(dataDir, TOKEN_KEY_FILE))).toThrow();
  });

  it('otherwise generates a key once into DATA_DIR (mode 0600) and reads the same key on later starts', () => {
    const first = loadTokenKey({ DATA_DIR: join(dataDir, 'nested') });
    const file = join(dataDir, 'nested', TOKEN_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(loadTokenKey({ DATA_DIR: join(dataDir, 'nested') }).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('utf8'));
  });
});
