import type { Concern } from './concern';

/** What the operator CLI (`npm run concerns`) was asked to do. */
export type ConcernsCommand = { kind: 'list'; agency?: string; json: boolean } | { kind: 'help' };

export const CONCERNS_USAGE = `Usage: npm run concerns -- list [--agency ID] [--json]

  list            one line per concern, oldest first: ref, agency, status, URGENT, received, area, subject
  --agency ID     only that agency's queue
  --json          a JSON array of the same fields

Reads the same configuration as the service: REDIS_URL (and REDIS_KEY_PREFIX) when set, otherwise the
database in DATA_DIR (default ./data). Never shows what reporters wrote.`;

/** Bad arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses the CLI's arguments (after `--`); throws UsageError for anything it does not know. */
export function parseConcernsArgs(argv: readonly string[]): ConcernsCommand {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  if (command !== 'list') throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  const parsed: { kind: 'list'; agency?: string; json: boolean } = { kind: 'list', json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') parsed.json = true;
    else if (arg === '--agency' || arg.startsWith('--agency=')) {
      const value = arg === '--agency' ? rest[++i] : arg.slice('--agency='.length);
      if (!value || value.startsWith('-')) throw new UsageError('--agency needs an agency id');
      parsed.agency = value;
    } else throw new UsageError(`unknown option: ${arg}`);
  }
  return parsed;
}

/** What the CLI shows of a concern: where it is and how urgent, never what anyone wrote. */
export interface ConcernSummary {
  ref: string;
  agency: string;
  status: Concern['status'];
  urgent: boolean;
  receivedAt: string;
  area: string | null;
  subject: Concern['subject'];
}

export function summarise(concern: Concern): ConcernSummary {
  const { ref, agency, status, urgent, receivedAt, area, subject } = concern;
  return { ref, agency, status, urgent, receivedAt, area, subject };
}

/** One aligned line per concern, or a sentence saying there are none. */
export function formatLines(summaries: readonly ConcernSummary[]): string {
  if (summaries.length === 0) return 'No concerns.';
  const rows = summaries.map((s) => [s.ref, s.agency, s.status, s.urgent ? 'URGENT' : '-', s.receivedAt, s.area ?? '-', s.subject]);
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function formatJson(summaries: readonly ConcernSummary[]): string {
  return JSON.stringify(summaries, null, 2);
}
