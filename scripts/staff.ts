import type { AuditLog } from '../src/audit/auditEntry';
import { FileAuditLog } from '../src/audit/fileAuditLog';
import { RedisAuditLog } from '../src/audit/redisAuditLog';
import { AgencyDirectory } from '../src/concerns/agencies';
import { loadConfig, type Config } from '../src/config/config';
import { defaultContentDir } from '../src/content/contentDir';
import { createLogger } from '../src/logging/logger';
import { FileStaffStore } from '../src/staff/fileStaffStore';
import { RedisSessionStore } from '../src/staff/redisSessionStore';
import { RedisStaffStore } from '../src/staff/redisStaffStore';
import { addStaffAccount, disableStaffAccount } from '../src/staff/staffAdmin';
import { formatCredential, formatStaffJson, formatStaffLines, parseStaffArgs, STAFF_USAGE, summariseStaff, UsageError, type StaffCommand } from '../src/staff/staffCli';
import { DEFAULT_SESSION_TIMEOUTS } from '../src/staff/sessionStore';
import type { StaffStore } from '../src/staff/staffStore';
import { connectForCli } from '../src/storage/connectForCli';


interface Stores {
  staff: StaffStore;
  audit: AuditLog;
  /** Ends a person's console sessions; without Redis they live in the service's memory, out of reach. */
  endSessions?: (staffId: string) => Promise<number>;
  close: () => Promise<void>;
}

async function openStores(config: Config): Promise<Stores> {
  if (!config.REDIS_URL) {
    return { staff: new FileStaffStore(config.DATA_DIR), audit: new FileAuditLog(config.DATA_DIR), close: async () => undefined };
  }
  // Logs go to stderr so that stdout stays the output (--json is parsed by other tools).
  const client = await connectForCli(config.REDIS_URL, createLogger(config.LOG_LEVEL, process.stderr));
  const prefix = config.REDIS_KEY_PREFIX;
  const sessions = new RedisSessionStore(client, prefix, DEFAULT_SESSION_TIMEOUTS);
  return {
    staff: new RedisStaffStore(client, prefix),
    audit: new RedisAuditLog(client, prefix),
    endSessions: (id) => sessions.destroyAllFor(id),
    close: () => client.close(),
  };
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
  const result = await disableStaffAccount(stores, id, null, new Date());
  if (!result) {
    console.error(`staff: no account "${id}" (npm run staff -- list shows them)`);
    return 1;
  }
  const { account, sessionsEnded, already } = result;
  if (already) console.log(`${id} has been disabled since ${account.disabledAt}.`);
  else console.log(sessionsEnded === undefined ? `Disabled ${id}.` : `Disabled ${id} and ended ${sessionsEnded} session(s).`);
  return 0;
}

/**
 * npm run staff -- add | list | disable: the operator's tool for duty staff accounts, from the same
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
  if (command.kind === 'add' && !knownAgency(command.agency)) return 2;
  const stores = await openStores(config);
  try {
    if (command.kind === 'add') return await add(stores, command);
    if (command.kind === 'disable') return await disable(stores, command.id);
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
