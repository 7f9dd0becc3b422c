import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Crockford's base32 (as in reference codes): no I, L, O or U, so a password copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 24 symbols of 5 bits: 120 bits, in six groups of four. */
const CREDENTIAL_SYMBOLS = 24;

/** Parameters for new hashes; verification reads them from the stored hash, so they can be raised later. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored parameters beyond these: a corrupt hash must not make one sign-in eat gigabytes. */
const LIMITS = { N: 2 ** 20, r: 32, p: 16, keyBytes: 128 } as const;
const SCHEME = 'scrypt';

/** `count` random Crockford symbols, each the low 5 bits of one random byte (32 divides 256: no bias). */
export function randomSymbols(count: number): string {
  let symbols = '';
  for (const byte of randomBytes(count)) symbols += ALPHABET.charAt(byte & 31);
  return symbols;
}

/** A new password such as "K7PM-3XQ9-RT4W-HN2C-0ZBD-8VYA": 120 random bits. */
export function newCredential(): string {
  return randomSymbols(CREDENTIAL_SYMBOLS).match(/.{4}/g)?.join('-') ?? '';
}

/** `scrypt$N$r$p$saltB64$hashB64`, with a random 16-byte salt. */
export async function hashPassword(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, KEY_BYTES, COST);
  return [SCHEME, COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when the secret matches the stored hash; false (never a throw) when the stored hash is malformed. */
export async function verifyPassword(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  try {
    const actual = await derive(secret, parsed.salt, parsed.hash.length, parsed.cost);
    return timingSafeEqual(actual, parsed.hash);
  } catch {
    return false;
  }
}

/** A well-formed hash with today's parameters that no password matches (its hash bytes are random). */
export const DUMMY_HASH = [SCHEME, COST.N, COST.r, COST.p, randomBytes(SALT_BYTES).toString('base64'), randomBytes(KEY_BYTES).toString('base64')].join('$');

/** For a sign-in name that does not exist: costs what a real check costs, so timing does not tell. Always false. */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  await verifyPassword(secret, DUMMY_HASH);
  return false;
}

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function derive(secret: string, salt: Buffer, keyBytes: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default cap (32 MiB) is just short of that for N=2^15, r=8.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return undefined;
  const [N, r, p] = parts.slice(1, 4).map((v) => (/^[1-9][0-9]{0,9}$/.test(v ?? '') ? Number(v) : NaN));
  const [saltText = '', hashText = ''] = parts.slice(4);
  if (N === undefined || r === undefined || p === undefined) return undefined;
  if (!(N >= 2 && N <= LIMITS.N && (N & (N - 1)) === 0 && r <= LIMITS.r && p <= LIMITS.p)) return undefined;
  if (!BASE64.test(saltText) || !BASE64.test(hashText)) return undefined;
  const salt = Buffer.from(saltText, 'base64');
  const hash = Buffer.from(hashText, 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > LIMITS.keyBytes) return undefined;
  return { cost: { N, r, p }, salt, hash };
}
