/*
 * Whether an error means a store could not be reached just now (Redis down, restarting or still loading its
 * data; the embedded database locked by another process past its wait), as opposed to a fault in the request
 * or the code. The HTTP layer answers these with 503 and "try again", not 500.
 */

/** node-redis's errors for a server it cannot reach or lost mid-command, by class name (node-redis is loaded only with REDIS_URL). */
const UNREACHABLE = new Set(['ClientOfflineError', 'ClientClosedError', 'SocketClosedUnexpectedlyError', 'ConnectionTimeoutError', 'SocketTimeoutError', 'DisconnectsClientError', 'ReconnectStrategyError']);
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'SQLITE_BUSY']);

export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNREACHABLE.has(err.constructor.name)) return true;
  // A Redis restarting from its append-only file answers LOADING until the data is in memory.
  if (err.constructor.name === 'ErrorReply' && err.message.startsWith('LOADING')) return true;
  const { code } = err as { code?: unknown };
  return typeof code === 'string' && CODES.has(code);
}
