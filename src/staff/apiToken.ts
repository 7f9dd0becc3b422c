import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { randomSymbols } from './passwords';
import { STAFF_ID } from './staffAccount';

/**
 * API tokens for integrations: `cs_<id>_<secret>`, separate from the console password. The id (12 Crockford
 * symbols, lower case) finds the stored record at once; the secret (32 random bytes, base64url) is kept only
 * as a SHA-256. A fast hash is enough here, unlike for passwords: scrypt slows down guessing a secret a
 * person chose, but nobody can search 2^256 random secrets however fast each guess is, and a slow hash on
 * every API request would be a way to exhaust the CPU.
 */
export const API_TOKEN_ID = /^[0-9a-hjkmnp-tv-z]{12}$/;

const TOKEN_SHAPE = /^cs_([0-9a-hjkmnp-tv-z]{12})_([A-Za-z0-9_-]{43})$/;
const SECRET_BYTES = 32;

/** How long a token lasts unless `--days` says otherwise, and the most it may. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** A calendar day (UTC), as `lastUsedDay` records it: written at most once a day per token. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const apiTokenSchema = z.strictObject({
  id: z.string().regex(API_TOKEN_ID),
  staffId: z.string().regex(STAFF_ID),
  /** What the token is for, in the operator's words ("case system sync"); shown in listings only. */
  label: z.string().max(100),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedDay: z.string().regex(DAY).nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

/** One API token as listed: never its secret, never its hash. */
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** A new token: the record to store (with the secret's hash) and the whole token, to be shown once. */
export interface NewApiToken {
  token: ApiToken;
  secretHash: string;
  bearer: string;
}

/** Makes a token for a member of staff, expiring `days` days from `now`. */
export function newApiToken(staffId: string, label: string, days: number, now: Date): NewApiToken {
  const id = randomSymbols(12).toLowerCase();
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const token: ApiToken = {
    id,
    staffId,
    label,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    lastUsedDay: null,
    revokedAt: null,
  };
  return { token, secretHash: hashSecret(id, secret), bearer: `cs_${id}_${secret}` };
}

/** The id and secret of `Authorization: Bearer cs_<id>_<secret>`; undefined for any other header. */
export function parseApiToken(authorization: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '');
  const parts = match?.[1] ? TOKEN_SHAPE.exec(match[1]) : null;
  if (!parts?.[1] || !parts[2]) return undefined;
  return { id: parts[1], secret: parts[2] };
}

/** SHA-256 over the id and the secret (hex), so that a stored hash cannot be moved to another token's record. */
export function hashSecret(id: string, secret: string): string {
  return createHash('sha256').update(`clearsight-api-token\u0000${id}\u0000${secret}`).digest('hex');
}

/** True when the secret is the one the stored hash was made from (constant-time). */
export function secretMatches(id: string, secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(id, secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === actual.length && timingSafeEqual(actual, stored);
}

/** Why a token that is genuine does not open the API now; undefined when it does. */
export function tokenRefusal(token: ApiToken, now: Date): 'revoked' | 'expired' | undefined {
  if (token.revokedAt !== null) return 'revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : undefined;
}

/** The UTC day of `at`, as `lastUsedDay` holds it. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
