import type { ZodError } from 'zod';
import { concernSchema, type Concern } from './concern';

/**
 * A stored concern (or a line of the concern log) that does not parse or does not match the schema.
 * The message says where, never what: stored text is the reporter's.
 */
export class CorruptConcernError extends Error {
  override readonly name = 'CorruptConcernError';
}

/** A concern that does not match the schema, before it is stored. The message names fields, not values. */
export class InvalidConcernError extends Error {
  override readonly name = 'InvalidConcernError';
}

/** Another concern already holds this reference (80 random bits: a bug, not bad luck). Nothing was written. */
export class ReferenceTakenError extends Error {
  override readonly name = 'ReferenceTakenError';
}

/** The concern as the schema has it, or InvalidConcernError naming the fields at fault. */
export function validConcern(concern: unknown): Concern {
  const parsed = concernSchema.safeParse(concern);
  if (!parsed.success) throw new InvalidConcernError(`invalid concern: ${issuePaths(parsed.error)}`);
  return parsed.data;
}

/** Parses a stored JSON document back into a Concern; `where` says which one in the error (a key, a line). */
export function parseStoredConcern(raw: string, where: string): Concern {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // JSON.parse quotes the input in its message: do not pass it on.
    throw new CorruptConcernError(`${where}: not JSON`);
  }
  const parsed = concernSchema.safeParse(json);
  if (!parsed.success) throw new CorruptConcernError(`${where}: does not match the concern schema (${issuePaths(parsed.error)})`);
  return parsed.data;
}

function issuePaths(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
}
