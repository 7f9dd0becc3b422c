import type { RedisClient } from '../storage/redisClient';
import type { AuditEntry, AuditLog } from './auditEntry';
import { CorruptAuditEntryError, parseStoredAuditEntry, validAuditEntry } from './auditErrors';

const FIELD = 'entry';

/**
 * The audit trail in Redis, under a key prefix: the stream `audit` (one field, `entry`, the JSON) for
 * recent(), and the list `audit:ref:{ref}` of the same JSON for each concern's history. Both are written
 * in one MULTI; nothing here trims, changes or deletes them.
 */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    const valid = validAuditEntry(entry);
    const json = JSON.stringify(valid);
    const multi = this.client.multi().xAdd(this.streamKey(), '*', { [FIELD]: json });
    if (valid.ref !== null) multi.rPush(this.refKey(valid.ref), json);
    await multi.exec();
  }

  async forRef(ref: string): Promise<AuditEntry[]> {
    const key = this.refKey(ref);
    return (await this.client.lRange(key, 0, -1)).map((raw, i) => parseStoredAuditEntry(raw, `${key}[${i}]`));
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    if (!Number.isSafeInteger(limit) || limit <= 0) return [];
    const key = this.streamKey();
    const entries = (await this.client.xRevRange(key, '+', '-', { COUNT: limit })) ?? [];
    return entries.map(({ id, message }) => {
      const raw = (message as Record<string, string | undefined>)[FIELD];
      if (typeof raw !== 'string') throw new CorruptAuditEntryError(`${key} ${id}: no ${FIELD} field`);
      return parseStoredAuditEntry(raw, `${key} ${id}`);
    });
  }

  private streamKey(): string {
    return `${this.prefix}audit`;
  }

  private refKey(ref: string): string {
    return `${this.prefix}audit:ref:${ref}`;
  }
}
