import { loadConfig, type Config } from '../src/config/config';
import { CONCERNS_USAGE, formatJson, formatLines, parseConcernsArgs, summarise, UsageError } from '../src/concerns/concernListing';
import type { ConcernStore } from '../src/concerns/concernStore';
import { FileConcernStore } from '../src/concerns/fileConcernStore';
import { RedisConcernStore } from '../src/concerns/redisConcernStore';
import { createLogger } from '../src/logging/logger';
import { connectForCli } from '../src/storage/connectForCli';


/** Where the file store lives when there is no Redis (until the config schema has DATA_DIR). */
function dataDir(): string {
  return process.env.DATA_DIR ?? 'data';
}

async function openStore(config: Config): Promise<{ store: ConcernStore; close: () => Promise<void> }> {
  if (!config.REDIS_URL) {
    // Read-only: the service may be appending to the same log right now.
    const store = await FileConcernStore.open(dataDir(), { readOnly: true });
    return { store, close: () => store.close() };
  }
  // Logs go to stderr so that stdout stays the listing (--json is parsed by other tools).
  const client = await connectForCli(config.REDIS_URL, createLogger(config.LOG_LEVEL, process.stderr));
  return { store: new RedisConcernStore(client, config.REDIS_KEY_PREFIX), close: () => client.close() };
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
  const { store, close } = await openStore(config);
  try {
    const summaries = (await store.list(command.agency === undefined ? {} : { agency: command.agency })).map(summarise);
    console.log(command.json ? formatJson(summaries) : formatLines(summaries));
  } finally {
    await close();
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
