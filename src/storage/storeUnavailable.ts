/*
 * Whether an error means a store could not be reached just now (Redis down, restarting or still loading its
 * data; the embedded database locked by another process past its wait), as opposed to a fault in the request
 * or the code. The HTTP layer answers these with 503 and "try again", not 500.
 */

/** node-redis's errors for a server it cannot reach or lost mid-command, by class name (node-redis is loaded only with REDIS_URL). */
const UNREACHABLE = new Set(['ClientOfflineError', 'ClientClosedError', 'SocketClosedUnexpectedlyError', 'ConnectionTimeoutError', 'SocketTimeoutError', 'DisconnectsClientError', 'ReconnectStrategyError']);
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'SQLITE_BUSY']);

export function isStoreUnavailable(err: unknown): boolean {
  // Not `instanceof Error`: a socket error can come from another realm (Node's own, under a test runner's vm).
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === 'string' && UNREACHABLE.has(name)) return true;
  const { code, message } = err as { code?: unknown; message?: unknown };
  // A Redis restarting from its append-only file answers LOADING until the data is in memory.
  if (name === 'ErrorReply' && typeof message === 'string' && message.startsWith('LOADING')) return true;
  return typeof code === 'string' && CODES.has(code);
}
