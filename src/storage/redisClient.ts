import { createClient } from 'redis';

function build(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
}
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';

export type RedisClient = ReturnType<typeof build>;

/**
 * A node-redis client that treats a lost connection as an expected state: errors are logged (by kind
 * only, and at most once per outage), commands fail fast while it is down, and it reconnects with backoff.
 */
export function createRedisClient(url: string, logger: Logger): RedisClient {
  const client = build(url);
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err: errorSummary(err), code: 'REDIS_UNAVAILABLE' }, 'redis connection lost; retrying');
  });
  client.on('ready', () => {
    if (down) logger.info({ code: 'REDIS_READY' }, 'redis connection restored');
    down = false;
  });
  return client;
}
