import { ConfigError, loadConfig } from './config/config';
import { redactedSummary } from './config/configSummary';
import { createApp } from './app';
import { stopOnSignals } from './http/stopOnSignals';
import { createLogger } from './logging/logger';

/** Entry point: the only place that reads process.env. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Clearsight cannot start. ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  logger.info({ config: redactedSummary(config) }, 'starting');
  const app = await createApp(config, logger);
  const url = await app.listen();
  logger.info({ url: url.replace('127.0.0.1', 'localhost') }, 'listening');

  const stop = stopOnSignals(app, { graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000, logger });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Clearsight failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
