/** Holds a conversation for one turn at a time across every server (see RedisTurnLock). */
export interface TurnLock {
  /** Runs the turn while holding the conversation's lock; waits a bounded time for it. */
  around<T>(conversationId: string, turn: () => Promise<T>): Promise<T>;
}

/** Raised when a conversation's lock was not free within the wait (another server's turn ran too long). */
export class TurnLockTimeoutError extends Error {
  override readonly name = 'TurnLockTimeoutError';
  readonly code = 'TURN_LOCK_TIMEOUT';
}
