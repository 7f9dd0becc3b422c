import type { Request } from 'restify';
import { clientAddress } from '../../http/clientAddress';
import { HttpError } from '../../http/httpError';
import type { Caller } from '../caller';
import type { StaffAuth } from '../auth/staffAuth';

/**
 * Who an API request acts as: a Bearer token (integrations), or the console's session cookie. A change
 * made with the cookie must also carry the session's CSRF token in `X-CSRF-Token`, which another site
 * cannot send. 401 when neither identifies an enabled account.
 */
export async function apiCaller(req: Request, auth: StaffAuth, changes: boolean, trustedProxyHops: number): Promise<Caller> {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    // The address is only a rate-limit key: StaffAuth hashes it, and nothing here logs it.
    const caller = await auth.fromBearer(authorization, clientAddress(req, trustedProxyHops));
    if (!caller) throw unauthorised();
    return caller;
  }
  const session = await auth.fromCookie(req.headers.cookie);
  if (!session) throw unauthorised();
  if (changes && !auth.csrfMatches(session, req.headers['x-csrf-token'])) {
    throw new HttpError(403, 'csrf', 'This change needs the X-CSRF-Token of your session.');
  }
  return session.caller;
}

function unauthorised(): HttpError {
  return new HttpError(401, 'unauthorised', 'Sign in, or send Authorization: Bearer <API token>.', {
    'WWW-Authenticate': 'Bearer realm="clearsight-triage"',
  });
}
