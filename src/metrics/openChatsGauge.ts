import { Gauge, type Registry } from 'prom-client';
import { errorSummary, type Logger } from '../logging/logger';
import { METRIC_PREFIX } from './serviceMetrics';

/**
 * Chats open on the built-in Direct Line, read at scrape time from its conversation store (one count: a
 * sorted set's size on Redis, a row count on the embedded database). Left unset when the store cannot answer.
 */
export function registerOpenChatsGauge(registry: Registry, count: () => Promise<number>, logger: Logger): void {
  new Gauge({
    name: `${METRIC_PREFIX}directline_conversations_open`,
    help: 'Web chats open on the built-in Direct Line',
    registers: [registry],
    async collect() {
      try {
        this.set(await count());
      } catch (err) {
        this.remove(); // no sample this scrape, rather than a stale or made-up one
        logger.warn({ code: 'METRICS_CHATS_READ_FAILED', err: errorSummary(err) }, 'could not count open chats for /metrics');
      }
    },
  });
}
