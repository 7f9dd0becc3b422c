import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError, etagAllowsWrite, newEtag } from './etag';
import type { ReadinessProbe } from './readinessProbe';

interface Entry {
  etag: string;
  json: string;
  expiresAt: number;
}

/**
 * The embedded default: state in process memory, with the same eTag rules and TTL as RedisStorage.
 * Items are stored as JSON so callers never share references with the store.
 */
export class MemoryStorage implements Storage, ReadinessProbe {
  readonly name = 'memory';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = { ...JSON.parse(entry.json), eTag: entry.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
      if (!etagAllowsWrite(eTag, this.live(key)?.etag)) throw new EtagConflictError();
      this.entries.set(key, { etag: newEtag(), json: JSON.stringify(doc), expiresAt: this.now() + this.ttlMs });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async isReady(): Promise<boolean> {
    return true;
  }

  /** How many unexpired items are held (for tests and metrics; expired ones are dropped on the way). */
  size(): number {
    for (const key of [...this.entries.keys()]) this.live(key);
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
