import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * Fencing for the bot's state in Redis. A turn holds its conversation's turn lock (src/bot/redisTurnLock.ts)
 * with a fencing token; a server that stalls past the lock's lease can wake up after another server has taken
 * the lock and saved a newer state. Every state write and delete made inside a turn therefore checks, in the
 * same Lua script as the write, that the lock still holds this turn's token, and refuses otherwise
 * (FencedOutError): the newer state stands. The turn's lock key and token travel with the turn's async
 * context, so nothing between the lock and the storage (botbuilder) has to carry them.
 */

/** The turn lock a write must still hold: its key and the turn's token. */
export interface WriteFence {
  key: string;
  token: string;
}

const current = new AsyncLocalStorage<WriteFence>();

/** Runs a turn so that its state writes are fenced by this lock and token. */
export function withWriteFence<T>(fence: WriteFence, work: () => Promise<T>): Promise<T> {
  return current.run(fence, work);
}

/** The fence of the turn this code runs in, if any (none outside a turn, or without Redis). */
export function currentWriteFence(): WriteFence | undefined {
  return current.getStore();
}

/** A turn's state write refused because its lock had passed to a later turn (another server's). */
export class FencedOutError extends Error {
  override readonly name = 'FencedOutError';
  readonly code = 'TURN_FENCED_OUT';

  constructor() {
    super('the turn lost its conversation lock to a later turn; its state change was not saved');
  }
}
