import type { Response } from 'restify';

/**
 * Headers for every staff-facing response: nothing cached (a shared office computer must not keep a
 * concern), scripts only from our own origin and never inline, no framing, no referrer leaving the page.
 */
export const STAFF_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function setStaffSecurityHeaders(res: Response): void {
  for (const [name, value] of Object.entries(STAFF_SECURITY_HEADERS)) res.setHeader(name, value);
}
