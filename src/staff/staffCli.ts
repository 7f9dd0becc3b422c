import { options, UsageError } from './cliOptions';
import { randomSymbols } from './passwords';
import { PARTNERSHIP_AGENCY, STAFF_ROLES, type StaffAccount, type StaffRole } from './staffAccount';
import { parseTokenArgs, TOKEN_USAGE, type TokenCommand } from './tokenCli';

export { UsageError } from './cliOptions';

/** What the operator CLI (`npm run staff`) was asked to do. */
export type StaffCommand =
  | { kind: 'add'; agency: string; name: string; role: StaffRole }
  | { kind: 'list'; agency?: string; json: boolean }
  | { kind: 'disable'; id: string }
  | TokenCommand
  | { kind: 'help' };

export const STAFF_USAGE = `Usage: npm run staff -- add --agency ID --name NAME [--role duty|manager|admin]
       npm run staff -- add --role partnership --name NAME
       npm run staff -- list [--agency ID] [--json]
       npm run staff -- disable ID
${TOKEN_USAGE}

  add       makes an account for a member of an agency's duty staff (role: duty unless given) and prints
            its sign-in name and console password once: the password is not stored and cannot be shown again;
            --role partnership (no --agency) makes an analyst's account that sees the indicators for every
            area and no concern
  list      one line per account: id, agency, role, name, created, disabled (--json: a JSON array)
  disable   stops an account signing in, ends its sessions and revokes its API tokens; accounts are never deleted
  token     API tokens for the JSON API (Authorization: Bearer), separate from the console password: issue
            prints a new token once (only a hash is kept; 90 days unless --days, at most 365), list shows a
            person's tokens (never the secret), revoke stops one at once

Reads the same configuration as the service: REDIS_URL (and REDIS_KEY_PREFIX) when set, otherwise the
database in DATA_DIR (default ./data). Every add, disable, token issue and revoke is written to the audit trail.`;

/** Parses the CLI's arguments (after `--`); throws UsageError for anything it does not know. */
export function parseStaffArgs(argv: readonly string[]): StaffCommand {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  if (command === 'token') return parseTokenArgs(rest);
  if (command === 'disable') {
    const [id, ...extra] = rest;
    if (!id || id.startsWith('-')) throw new UsageError('disable needs the account id');
    if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
    return { kind: 'disable', id };
  }
  if (command !== 'add' && command !== 'list') throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  const { values, flags } = options(rest, command === 'add' ? ['agency', 'name', 'role'] : ['agency'], command === 'list' ? ['json'] : []);
  if (command === 'list') return { kind: 'list', json: flags.has('json'), ...(values.agency === undefined ? {} : { agency: values.agency }) };
  const { name, role = 'duty' } = values;
  if (!isRole(role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  if (role === 'partnership' && values.agency !== undefined) throw new UsageError('a partnership account has no --agency: it sees every area and no concern');
  const agency = role === 'partnership' ? PARTNERSHIP_AGENCY : values.agency;
  if (agency === undefined) throw new UsageError('add needs --agency');
  if (name === undefined) throw new UsageError('add needs --name');
  const cleanName = name.trim();
  // A name is shown in listings and the console: one printable line.
  if (cleanName === '' || cleanName.length > 100 || /\p{Cc}/u.test(cleanName)) throw new UsageError('--name must be 1 to 100 printable characters');
  return { kind: 'add', agency, name: cleanName, role };
}

function isRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** A sign-in name from a person's name: "Jo Bloggs" → "jo-bloggs-7k2p" (4 random symbols keep it unique). */
export function newStaffId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off: "Zoë" → "zoe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 58)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'staff'}-${randomSymbols(4).toLowerCase()}`;
}

/** What `add` prints, once. */
export function formatCredential(account: StaffAccount, password: string): string {
  return [
    account.role === 'partnership' ? `Added ${account.id}: partnership (the indicators for every area, no concern).` : `Added ${account.id}: ${account.role} for ${account.agency}.`,
    `  Sign-in name: ${account.id}`,
    `  Password:     ${password}`,
    'The password will not be shown again: pass it to the person securely now. Only a hash of it is kept.',
    `It signs in to the console only; for the JSON API: npm run staff -- token issue ${account.id}`,
  ].join('\n');
}

/** What `list` shows of an account: never the credential's hash. */
export type StaffSummary = StaffAccount;

export function summariseStaff(account: StaffAccount): StaffSummary {
  const { id, agency, role, name, createdAt, disabledAt } = account;
  return { id, agency, role, name, createdAt, disabledAt };
}

/** One aligned line per account, or a sentence saying there are none. */
export function formatStaffLines(accounts: readonly StaffSummary[]): string {
  if (accounts.length === 0) return 'No staff accounts.';
  const rows = accounts.map((a) => [a.id, a.agency, a.role, a.name, a.createdAt, a.disabledAt ? `disabled ${a.disabledAt}` : 'active']);
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function formatStaffJson(accounts: readonly StaffSummary[]): string {
  return JSON.stringify(accounts, null, 2);
}
