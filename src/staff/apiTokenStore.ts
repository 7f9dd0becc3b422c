import { z } from 'zod';
import { apiTokenSchema, type ApiToken } from './apiToken';

/** A token with its secret's hash. Only the Bearer check ever needs the hash. */
export interface ApiTokenRecord {
  token: ApiToken;
  secretHash: string;
}

/**
 * API tokens, found by id and listed per member of staff. Revoked tokens are kept (marked) so that listings
 * and the audit trail keep their meaning; a revoked token never opens the API again.
 */
export interface ApiTokenStore {
  /** Throws ApiTokenExistsError when the id is taken (nothing is written then). */
  add(record: ApiTokenRecord): Promise<void>;
  get(id: string): Promise<ApiTokenRecord | undefined>;
  /** A person's tokens, oldest first (never the hash). */
  listFor(staffId: string): Promise<ApiToken[]>;
  /** The token as stored afterwards (unchanged when already revoked); undefined when there is no such token. */
  revoke(id: string, at: Date): Promise<ApiToken | undefined>;
  /** Revokes every token of a person that is not revoked yet; says how many. */
  revokeAllFor(staffId: string, at: Date): Promise<number>;
  /** Records the day a token was last used (the caller writes only when the day changes). */
  markUsed(id: string, day: string): Promise<void>;
}

export class ApiTokenExistsError extends Error {
  override readonly name = 'ApiTokenExistsError';
}

export const apiTokenRecordSchema = z.strictObject({
  token: apiTokenSchema,
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The record as the schema has it; throws a plain Error naming the fields (never the values) at fault. */
export function validTokenRecord(record: ApiTokenRecord): ApiTokenRecord {
  const parsed = apiTokenRecordSchema.safeParse(record);
  if (!parsed.success) throw new Error(`invalid API token: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** Oldest first, then by id: the order every store lists in. */
export function byCreatedThenId(a: ApiToken, b: ApiToken): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
