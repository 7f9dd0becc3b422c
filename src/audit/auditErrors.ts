import type { ZodError } from 'zod';
import { auditEntrySchema, type AuditEntry } from './auditEntry';

/** An entry that does not match the schema, refused before anything is written. Names fields, not values. */
export class InvalidAuditEntryError extends Error {
  override readonly name = 'InvalidAuditEntryError';
}

/** A stored entry that does not parse or match the schema. The message says where, never what. */
export class CorruptAuditEntryError extends Error {
  override readonly name = 'CorruptAuditEntryError';
}

/** The entry as the schema has it, or InvalidAuditEntryError. */
export function validAuditEntry(entry: unknown): AuditEntry {
  const parsed = auditEntrySchema.safeParse(entry);
  if (!parsed.success) throw new InvalidAuditEntryError(`invalid audit entry: ${issuePaths(parsed.error)}`);
  return parsed.data;
}

/** Parses a stored entry; `where` (a key, a line number) goes in the error. */
export function parseStoredAuditEntry(raw: string, where: string): AuditEntry {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CorruptAuditEntryError(`${where}: not JSON`);
  }
  return storedAuditEntry(json, where);
}

/** Checks a stored entry already parsed from JSON; `where` goes in the error. */
export function storedAuditEntry(json: unknown, where: string): AuditEntry {
  const parsed = auditEntrySchema.safeParse(json);
  if (!parsed.success) throw new CorruptAuditEntryError(`${where}: does not match the audit schema (${issuePaths(parsed.error)})`);
  return parsed.data;
}

function issuePaths(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
}
