import { existsSync } from 'node:fs';
import { BankHolidayCalendar } from '../src/calendar/bankHolidays';
import { AgencyDirectory } from '../src/concerns/agencies';
import { CLI_REDIS_WAIT_MS, openStores, triageClockFor, type Stores } from '../src/storage/openStores';
import { loadConfig, type Config } from '../src/config/config';
import { defaultContentDir } from '../src/content/contentDir';
import { createLogger } from '../src/logging/logger';
import { issueApiToken, revokeApiToken } from '../src/staff/apiTokenAdmin';
import { addStaffAccount, disableStaffAccount } from '../src/staff/staffAdmin';
import { formatCredential, formatStaffJson, formatStaffLines, parseStaffArgs, STAFF_USAGE, summariseStaff, UsageError, type StaffCommand } from '../src/staff/staffCli';
import { formatIssuedToken, formatTokenLines } from '../src/staff/tokenCli';


/** The service's stores, from the same configuration (Redis, or the database in DATA_DIR). */
function openServiceStores(config: Config): Promise<Stores> {
  const clock = triageClockFor(config, BankHolidayCalendar.load(defaultContentDir()));
  // Logs go to stderr so that stdout stays the output (--json is parsed by other tools).
  return openStores(config, { clock, logger: createLogger(config.LOG_LEVEL, process.stderr), redisWaitMs: CLI_REDIS_WAIT_MS, requireRedis: true });
}

/** True when the agency has a queue; otherwise says which agencies do. */
function knownAgency(agency: string): boolean {
  const agencies = AgencyDirectory.load(defaultContentDir());
  if (agencies.has(agency)) return true;
  console.error(`staff: no agency "${agency}" in content/agencies.yaml; agencies: ${agencies.all().map((a) => a.id).join(', ')}`);
  return false;
}

async function add(stores: Stores, command: Extract<StaffCommand, { kind: 'add' }>): Promise<number> {
  const { agency, name, role } = command;
  // Nobody has seen the password if the audit fails: the account is then unusable, and the error says why.
  const { account, password } = await addStaffAccount(stores, { agency, name, role }, null, new Date());
  console.log(formatCredential(account, password));
  return 0;
}

async function disable(stores: Stores, id: string): Promise<number> {
  const result = await disableStaffAccount({ ...stores, endSessions: (staffId) => stores.sessions.destroyAllFor(staffId) }, id, null, new Date());
  if (!result) {
    console.error(`staff: no account "${id}" (npm run staff -- list shows them)`);
    return 1;
  }
  const { account, sessionsEnded, tokensRevoked, already } = result;
  if (already) console.log(`${id} has been disabled since ${account.disabledAt}.`);
  else console.log(`Disabled ${id}, ended ${sessionsEnded ?? 0} session(s) and revoked ${tokensRevoked} API token(s).`);
  return 0;
}

async function issueToken(stores: Stores, command: Extract<StaffCommand, { kind: 'token-issue' }>): Promise<number> {
  const { staffId, label, days } = command;
  // Nobody has seen the token if the audit fails: it is then stored but unknown to anyone.
  const issued = await issueApiToken(stores, { staffId, label, days }, null, new Date());
  if ('refused' in issued) {
    console.error(issued.refused === 'disabled' ? `staff: ${staffId} is disabled; a disabled account gets no API token` : `staff: no account "${staffId}" (npm run staff -- list shows them)`);
    return 1;
  }
  console.log(formatIssuedToken(issued.token, issued.bearer));
  return 0;
}

async function listTokens(stores: Stores, command: Extract<StaffCommand, { kind: 'token-list' }>): Promise<number> {
  if (!(await stores.staff.get(command.staffId))) {
    console.error(`staff: no account "${command.staffId}" (npm run staff -- list shows them)`);
    return 1;
  }
  const tokens = await stores.tokens.listFor(command.staffId);
  console.log(command.json ? JSON.stringify(tokens, null, 2) : formatTokenLines(tokens, new Date()));
  return 0;
}

async function revokeToken(stores: Stores, tokenId: string): Promise<number> {
  const result = await revokeApiToken(stores, tokenId, null, new Date());
  if (!result) {
    console.error(`staff: no API token "${tokenId}" (npm run staff -- token list STAFF_ID shows them)`);
    return 1;
  }
  const { token, already } = result;
  console.log(already ? `API token ${token.id} has been revoked since ${token.revokedAt}.` : `Revoked API token ${token.id} of ${token.staffId}.`);
  return 0;
}

/**
 * npm run staff -- add | list | disable | token: the operator's tool for duty staff accounts and their API tokens, from the same
 * configuration as the service. Exits 2 on bad arguments (or an unknown agency), 1 on any other failure.
 */
async function main(argv: string[]): Promise<number> {
  let command: StaffCommand;
  try {
    command = parseStaffArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`staff: ${err.message}\n\n${STAFF_USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(STAFF_USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  if (command.kind === 'add' && command.role !== 'partnership' && !knownAgency(command.agency)) return 2;
  // Without Redis, a data directory that does not exist holds no accounts: say so, and create nothing.
  if (command.kind === 'list' && !config.REDIS_URL && !existsSync(config.DATA_DIR)) {
    console.log(command.json ? formatStaffJson([]) : formatStaffLines([]));
    return 0;
  }
  const stores = await openServiceStores(config);
  try {
    if (command.kind === 'add') return await add(stores, command);
    if (command.kind === 'disable') return await disable(stores, command.id);
    if (command.kind === 'token-issue') return await issueToken(stores, command);
    if (command.kind === 'token-list') return await listTokens(stores, command);
    if (command.kind === 'token-revoke') return await revokeToken(stores, command.tokenId);
    const accounts = (await stores.staff.list(command.agency === undefined ? {} : { agency: command.agency })).map(summariseStaff);
    console.log(command.json ? formatStaffJson(accounts) : formatStaffLines(accounts));
    return 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // ConfigError names variables; store errors name keys and files, never hashes or passwords.
    const why = err instanceof Error ? err.message : String(err);
    console.error(`staff: ${why}`);
    process.exitCode = 1;
  },
);
