import type { RedisClient } from '../storage/redisClient';
import type { IndicatorArea } from './indicatorMeasures';
import { isIndicatorArea, monthsBetween, nonZero, type Increments, type IndicatorStore, type StoredCount } from './indicatorStore';

/**
 * The counters in Redis: one hash per month, `indicators:{YYYY-MM}`, field `{area}|{measure}`. HINCRBY in
 * one MULTI, so an event's counts land together or not at all. No expiry: they are kept for good.
 */
export class RedisIndicatorStore implements IndicatorStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async add(month: string, area: IndicatorArea, increments: Increments): Promise<void> {
    monthsBetween(month, month);
    const counts = nonZero(increments);
    if (counts.length === 0) return;
    const multi = this.client.multi();
    for (const [measure, by] of counts) multi.hIncrBy(this.key(month), `${area}|${measure}`, by);
    await multi.exec();
  }

  async read(from: string, to: string): Promise<StoredCount[]> {
    const months = monthsBetween(from, to);
    const multi = this.client.multi();
    for (const month of months) multi.hGetAll(this.key(month));
    const hashes = (await multi.exec()) as unknown as Record<string, string>[];
    return months.flatMap((month, i) =>
      Object.entries(hashes[i] ?? {}).flatMap(([field, value]) => {
        const cut = field.indexOf('|');
        const area = field.slice(0, cut);
        // A field this version does not know (written by a later one) is left out, not guessed at.
        return cut > 0 && isIndicatorArea(area) ? [{ month, area, measure: field.slice(cut + 1), value: Number(value) }] : [];
      }),
    );
  }

  private key(month: string): string {
    return `${this.prefix}indicators:${month}`;
  }
}
