import { createHmac, randomBytes } from 'node:crypto';

/** Turns an identifier into a stable, non-reversible token for correlating log lines. */
export type IdHasher = (id: string | undefined) => string;

export function createIdHasher(key: string | undefined): IdHasher {
  // Without a configured key each process gets its own, so hashes correlate within one run only.
  const secret = key ?? randomBytes(32).toString('hex');
  return (id) => (id ? createHmac('sha256', secret).update(id).digest('base64url').slice(0, 16) : 'none');
}
