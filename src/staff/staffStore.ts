import { z } from 'zod';
import { staffAccountSchema, type StaffAccount } from './staffAccount';

/** An account with its credential's hash (scrypt, see passwords.ts). Only sign-in ever needs the hash. */
export interface StaffRecord {
  account: StaffAccount;
  passwordHash: string;
}

/** Staff accounts. Accounts are disabled, never deleted, so that the audit trail keeps its meaning. */
export interface StaffStore {
  /** Throws StaffExistsError when the id is taken (nothing is written then). */
  add(account: StaffAccount, passwordHash: string): Promise<void>;
  get(id: string): Promise<StaffRecord | undefined>;
  /** Sorted by agency, then id. */
  list(filter?: { agency?: string }): Promise<StaffAccount[]>;
  /** The account as stored afterwards (unchanged when already disabled); undefined when there is no such account. */
  disable(id: string, at: Date): Promise<StaffAccount | undefined>;
}

export class StaffExistsError extends Error {
  override readonly name = 'StaffExistsError';
}

/** A stored document that does not parse or match the schema. The message says where, never what. */
export class CorruptStaffError extends Error {
  override readonly name = 'CorruptStaffError';
}

export const staffRecordSchema = z.strictObject({
  account: staffAccountSchema,
  passwordHash: z.string().min(1).max(512),
});

/** The record as the schema has it; throws a plain Error naming the fields (never the values) at fault. */
export function validRecord(account: StaffAccount, passwordHash: string): StaffRecord {
  const parsed = staffRecordSchema.safeParse({ account, passwordHash });
  if (!parsed.success) throw new Error(`invalid staff account: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** Parses stored JSON with `schema`; `where` names the key or file in the error. */
export function parseStored<T>(raw: string, schema: z.ZodType<T>, where: string): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CorruptStaffError(`${where}: not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CorruptStaffError(`${where}: does not match the schema (${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join('; ')})`);
  return parsed.data;
}

/** The disabled copy of an account, or the account itself when it is already disabled. */
export function disabled(account: StaffAccount, at: Date): StaffAccount {
  return account.disabledAt === null ? { ...account, disabledAt: at.toISOString() } : account;
}

export function byAgencyThenId(a: StaffAccount, b: StaffAccount): number {
  return a.agency === b.agency ? compare(a.id, b.id) : compare(a.agency, b.agency);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
