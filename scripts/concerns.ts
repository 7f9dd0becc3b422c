import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config/config';
import { CONCERNS_USAGE, formatJson, formatLines, parseConcernsArgs, summarise, UsageError } from '../src/concerns/concernListing';
import { BankHolidayCalendar } from '../src/calendar/bankHolidays';
import { defaultContentDir } from '../src/content/contentDir';
import { createLogger } from '../src/logging/logger';
import { CLI_REDIS_WAIT_MS, openStores, triageClockFor, type Stores } from '../src/storage/openStores';


/** The stores the service uses, from the same configuration; undefined when there is nothing to read yet. */
async function openStore(config: Config): Promise<Stores | undefined> {
  // Without Redis, a data directory that does not exist holds no concerns: say so, and create nothing.
  if (!config.REDIS_URL && !existsSync(config.DATA_DIR)) return undefined;
  const clock = triageClockFor(config, BankHolidayCalendar.load(defaultContentDir()));
  // Logs go to stderr so that stdout stays the listing (--json is parsed by other tools).
  return openStores(config, { clock, logger: createLogger(config.LOG_LEVEL, process.stderr), redisWaitMs: CLI_REDIS_WAIT_MS, requireRedis: true });
}

/**
 * npm run concerns -- list [--agency ID] [--json] — the operator's view of the concern queues, from the
 * same configuration as the service. Shows references, agencies, statuses and dates, never reporters' text.
 * Exits 2 on bad arguments, 1 when the configuration is bad or the store cannot be read.
 */
async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseConcernsArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`concerns: ${err.message}\n\n${CONCERNS_USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(CONCERNS_USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  const stores = await openStore(config);
  try {
    const filter = command.agency === undefined ? {} : { agency: command.agency };
    const summaries = stores ? (await stores.concerns.list(filter)).map(summarise) : [];
    console.log(command.json ? formatJson(summaries) : formatLines(summaries));
  } finally {
    await stores?.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // ConfigError names variables; store errors name keys and line numbers, never stored text.
    const why = err instanceof Error ? err.message : String(err);
    console.error(`concerns: ${why}`);
    process.exitCode = 1;
  },
);
