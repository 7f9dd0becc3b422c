import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError, etagAllowsWrite, newEtag } from './etag';
import type { ReadinessProbe } from './readinessProbe';
import type { SqliteDatabase } from './sqliteDatabase';

/** Expired items are swept at most this often (by the storage's clock); each read also drops its own. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Bot state in the embedded database (table `conversation_state`), with the same eTag rules and TTL as
 * RedisStorage: a stale eTag is rejected, '*' or none overwrites, and every write restarts the item's TTL.
 * Being on disk, a half-written report and its submission id survive a restart. One write call is one
 * transaction: when any item's eTag is stale, none of its items is written.
 */
export class SqliteStorage implements Storage, ReadinessProbe {
  readonly name = 'sqlite';
  private readonly statements;
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new Error('conversation state TTL must be a positive whole number of ms');
    db.exec(`
      CREATE TABLE IF NOT EXISTS conversation_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        doc TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS conversation_state_by_expiry ON conversation_state (expires_at);
    `);
    this.statements = {
      select: db.prepare<[string], { etag: string; doc: string; expires_at: number }>('SELECT etag, doc, expires_at FROM conversation_state WHERE key = ?'),
      upsert: db.prepare<[string, string, string, number]>(
        'INSERT INTO conversation_state (key, etag, doc, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc, expires_at = excluded.expires_at',
      ),
      delete: db.prepare<[string]>('DELETE FROM conversation_state WHERE key = ?'),
      deleteExpired: db.prepare<[number]>('DELETE FROM conversation_state WHERE expires_at <= ?'),
      ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
    };
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const now = this.now();
    for (const key of keys) {
      const row = this.live(key, now);
      if (row) items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const now = this.now();
    // IMMEDIATE: the eTag check and the write hold the write lock together, so two writers cannot both pass.
    this.db
      .transaction(() => {
        for (const [key, item] of Object.entries(changes)) {
          const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
          if (!etagAllowsWrite(eTag, this.live(key, now)?.etag)) throw new EtagConflictError();
          this.statements.upsert.run(key, newEtag(), JSON.stringify(doc), now + this.ttlMs);
        }
      })
      .immediate();
    if (now - this.sweptAt >= SWEEP_EVERY_MS) this.sweep(now);
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const key of keys) this.statements.delete.run(key);
    })();
  }

  async isReady(): Promise<boolean> {
    try {
      return this.statements.ping.get()?.ok === 1;
    } catch {
      return false;
    }
  }

  /** The stored row while it is unexpired; an expired one is deleted on the way. */
  private live(key: string, now: number): { etag: string; doc: string } | undefined {
    const row = this.statements.select.get(key);
    if (row && row.expires_at <= now) {
      this.statements.delete.run(key);
      return undefined;
    }
    return row;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    this.statements.deleteExpired.run(now);
  }
}
