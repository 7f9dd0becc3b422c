import type { Concern } from './concern';

/** A concern waiting in the outbox, and when it was first put there. */
export interface OutboxEntry {
  concern: Concern;
  keptAt: Date;
}

/**
 * Concerns that could not be stored yet, kept durably (on this server's disk, not in the store that failed)
 * until the store acknowledges them. Keyed by submissionId: putting the same report again replaces its
 * document and keeps when it was first kept.
 */
export interface ConcernOutbox {
  /** Resolves only once the entry is on disk; rejects otherwise (then nothing may be promised). */
  put(concern: Concern, at: Date): Promise<void>;
  /** Every waiting entry, oldest first. An entry that no longer parses is left out (and counted by `unreadable`). */
  entries(): Promise<{ entries: OutboxEntry[]; unreadable: number }>;
  /** Deletes the entry (after the store acknowledged it, or the reporter deleted the report); false when there was none. */
  remove(submissionId: string): Promise<boolean>;
  /** Deletes entries first kept before the cutoff; returns how many. */
  expireBefore(cutoff: Date): Promise<number>;
  /** How many entries are waiting. */
  count(): Promise<number>;
  close(): void;
}
