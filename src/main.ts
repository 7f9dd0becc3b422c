import { mkdirSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config/config';
import { redactedSummary } from './config/configSummary';
import { stopOnSignals } from './http/stopOnSignals';
import { createLogger, type Logger } from './logging/logger';

/**
 * Node 22 keeps the compiled code of every module it loads in a cache, and the next start skips compiling
 * it (Node 20 has no such cache and just compiles). The cache is kept in DATA_DIR, which only the service
 * can write: code from a shared folder such as /tmp could be planted. Returns what writes it to disk now
 * (Node writes it at a clean exit, and a crash would lose it).
 */
function enableCompileCache(config: Config, logger: Logger): () => void {
  const { enableCompileCache: enable, flushCompileCache: flush } = module as {
    enableCompileCache?: (dir: string) => { status: number; message?: string };
    flushCompileCache?: () => void;
  };
  const written = () => flush?.();
  if (!enable) return written;
  const dir = join(config.DATA_DIR, 'compile-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const result = enable(dir);
    if (result.message) logger.info({ compileCache: result.message }, 'compile cache');
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'no compile cache: modules are compiled on every start');
  }
  return written;
}

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
  const writeCompileCache = enableCompileCache(config, logger);
  // Loaded only now, so that the compile cache covers the service itself and its libraries.
  const { createApp } = await import('./app');
  const app = await createApp(config, logger);
  const url = await app.listen();
  logger.info({ url: url.replace('127.0.0.1', 'localhost') }, 'listening');
  setImmediate(writeCompileCache); // after what app.listen() left for later, so that it is covered too

  const stop = stopOnSignals(app, { graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000, logger });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Clearsight failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
