import type { IncomingHttpHeaders } from 'node:http';

/**
 * True when a browser says the request comes from another site: its Sec-Fetch-Site (sent by every current
 * browser) is neither same-origin nor none (typed or bookmarked), or, without that header, its Origin is not
 * this host. A request with neither header is no browser's form post and is not called cross-site here.
 * For forms that must not be posted from elsewhere before there is a session to carry a CSRF token (sign-in).
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true; // "null" (a sandboxed frame, a data: URL) or anything else that is not an origin
  }
}
