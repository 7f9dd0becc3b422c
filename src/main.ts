import { ConfigError, loadConfig } from './config/config';
import { redactedSummary } from './config/configSummary';
import { createApp } from './app';
import { createLogger, errorSummary } from './logging/logger';

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

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ code: 'SHUTDOWN_FAILED', err: errorSummary(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Clearsight failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
