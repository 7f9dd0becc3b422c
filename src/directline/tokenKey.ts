import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in DATA_DIR that holds the generated signing key when DIRECTLINE_TOKEN_SECRET is unset. */
export const TOKEN_KEY_FILE = 'directline-token.key';

/** The slice of config the signing key comes from. */
export interface TokenKeyConfig {
  DIRECTLINE_TOKEN_SECRET?: string | undefined;
  DATA_DIR: string;
}

/**
 * The key the built-in Direct Line signs tokens with: DIRECTLINE_TOKEN_SECRET when set (required in
 * production, and the same on every server), otherwise 32 random bytes generated once into DATA_DIR
 * (mode 0600) and read back on later starts, so a restart does not end every open chat. Never logged.
 */
export function loadTokenKey(config: TokenKeyConfig): Buffer {
  if (config.DIRECTLINE_TOKEN_SECRET) return Buffer.from(config.DIRECTLINE_TOKEN_SECRET, 'utf8');
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const file = join(config.DATA_DIR, TOKEN_KEY_FILE);
  try {
    // 'wx': only the first start writes it; two processes starting together cannot both.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 43) throw new Error(`${file} does not hold a signing key: delete it and start again (open chats will end)`);
  return Buffer.from(key, 'utf8');
}
