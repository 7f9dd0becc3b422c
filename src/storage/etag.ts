import { randomBytes } from 'node:crypto';

/** A fresh eTag for each successful write. */
export function newEtag(): string {
  return randomBytes(9).toString('base64url');
}

/** `'*'` or no eTag overwrites; otherwise the caller's eTag must match the stored one (or nothing is stored). */
export function etagAllowsWrite(requested: string | undefined, stored: string | undefined): boolean {
  return requested === undefined || requested === '*' || stored === undefined || requested === stored;
}

export class EtagConflictError extends Error {
  override readonly name = 'EtagConflictError';
  readonly code = 'ETAG_CONFLICT';
  constructor() {
    super('Storage: write rejected because the item changed since it was read (eTag conflict).');
  }
}
