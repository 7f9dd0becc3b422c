import { API_TOKEN_ID, DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, parseApiToken, tokenRefusal, type ApiToken } from './apiToken';
import { options, UsageError } from './cliOptions';

/** What `npm run staff -- token …` was asked to do. */
export type TokenCommand =
  | { kind: 'token-issue'; staffId: string; label: string; days: number }
  | { kind: 'token-list'; staffId: string; json: boolean }
  | { kind: 'token-revoke'; tokenId: string };

export const TOKEN_USAGE = `       npm run staff -- token issue STAFF_ID [--label TEXT] [--days N]
       npm run staff -- token list STAFF_ID [--json]
       npm run staff -- token revoke TOKEN_ID`;

/** Parses the arguments after `token`; throws UsageError for anything it does not know. */
export function parseTokenArgs(argv: readonly string[]): TokenCommand {
  const [sub, target, ...rest] = argv;
  if (sub !== 'issue' && sub !== 'list' && sub !== 'revoke') throw new UsageError(sub ? `unknown token command: ${sub}` : 'token needs issue, list or revoke');
  if (!target || target.startsWith('-')) throw new UsageError(sub === 'revoke' ? 'token revoke needs the token id' : `token ${sub} needs the account id`);
  if (sub === 'revoke') {
    if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
    return { kind: 'token-revoke', tokenId: tokenIdOf(target) };
  }
  if (sub === 'list') {
    const { flags } = options(rest, [], ['json']);
    return { kind: 'token-list', staffId: target, json: flags.has('json') };
  }
  const { values } = options(rest, ['label', 'days'], []);
  const label = (values.label ?? '').trim();
  // A label is shown in listings: one printable line.
  if (label.length > 100 || /\p{Cc}/u.test(label)) throw new UsageError('--label must be at most 100 printable characters');
  const days = values.days === undefined ? DEFAULT_TOKEN_DAYS : wholeDays(values.days);
  return { kind: 'token-issue', staffId: target, label, days };
}

function wholeDays(text: string): number {
  const days = /^[1-9][0-9]{0,2}$/.test(text) ? Number(text) : NaN;
  if (!(days <= MAX_TOKEN_DAYS)) throw new UsageError(`--days must be a whole number from 1 to ${MAX_TOKEN_DAYS}`);
  return days;
}

/** A token id as `token list` shows it, or a whole token (whose id is taken, so a leaked token can be revoked as found). */
function tokenIdOf(text: string): string {
  const id = parseApiToken(`Bearer ${text}`)?.id ?? text;
  if (!API_TOKEN_ID.test(id)) throw new UsageError(`not a token id: ${id.slice(0, 20)} (token list shows them)`);
  return id;
}

/** What `token issue` prints, once. */
export function formatIssuedToken(token: ApiToken, bearer: string): string {
  return [
    `Issued API token ${token.id} for ${token.staffId}${token.label ? ` (${token.label})` : ''}, expiring ${token.expiresAt}.`,
    `  Token: ${bearer}`,
    'It will not be shown again: put it where the integration keeps its secrets now. Only a hash of it is kept.',
    `Send it as "Authorization: Bearer <token>". Revoke it with: npm run staff -- token revoke ${token.id}`,
  ].join('\n');
}

/** One aligned line per token (id, label, created, expires, last used, state), or a sentence saying there are none. */
export function formatTokenLines(tokens: readonly ApiToken[], now: Date): string {
  if (tokens.length === 0) return 'No API tokens.';
  const rows = tokens.map((t) => {
    const refusal = tokenRefusal(t, now);
    const state = refusal === 'revoked' ? `revoked ${t.revokedAt}` : refusal === 'expired' ? 'expired' : 'active';
    return [t.id, t.label || '-', `created ${t.createdAt}`, `expires ${t.expiresAt}`, `used ${t.lastUsedDay ?? 'never'}`, state];
  });
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()).join('\n');
}
