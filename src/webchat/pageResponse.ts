import type { Route } from '../http/server';
import type { Html } from '../http/html';

type PageResponse = Parameters<Route['handler']>[1];

/**
 * Headers on both web chat pages: nothing cached (a shared family computer must not keep a chat), no
 * referrer leaving the page (a link in an answer must not tell a site where its reader came from), no camera,
 * microphone or location. No cookie is ever set.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A 200 HTML page with the page headers, its policy and any extra headers. */
export function sendPage(res: PageResponse, page: Html, csp: string, extra: Record<string, string> = {}): void {
  const body = page.toString();
  res.writeHead(200, {
    ...PAGE_HEADERS,
    ...extra,
    'Content-Security-Policy': csp,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
