import type { Logger } from '../logging/logger';
import { createRedisClient, type RedisClient } from './redisClient';

const REDIS_WAIT_MS = 5000;

/** A connected client for an operator's command, or an error saying Redis did not answer within 5 s. */
export async function connectForCli(url: string, logger: Logger): Promise<RedisClient> {
  const client = createRedisClient(url, logger);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_WAIT_MS / 1000} s`)), REDIS_WAIT_MS);
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (err) {
    client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return client;
}
