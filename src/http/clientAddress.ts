import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for rate limits only (never logged or stored). Behind `trustedHops`
 * reverse proxies, each appends the address it saw to X-Forwarded-For, so the client is the entry that many
 * places from the end; anything further left was written by the client and cannot be trusted.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return socketAddress;
  return entries[Math.max(0, entries.length - trustedHops)] ?? socketAddress;
}
