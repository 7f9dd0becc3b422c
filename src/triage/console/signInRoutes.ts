import { clientAddress } from '../../http/clientAddress';
import { isCrossSite } from '../../http/crossSite';
import { readFormBody } from '../../http/readFormBody';
import { HttpError } from '../../http/httpError';
import type { Route } from '../../http/server';
import type { PageError } from './govukParts';
import { parseQuery, signInFormSchema, signInQuerySchema } from './consoleForms';
import type { ConsoleDeps } from './consoleDeps';
import { consoleHandler, redirect, sendPage } from './consoleResponses';
import { SIGN_IN_PATH } from './consoleSession';
import { SIGN_IN_ERRORS, signInPage } from './signInPage';

/** Sign-in forms are tiny. */
const MAX_SIGN_IN_BYTES = 4 * 1024;
export const QUEUE_PATH = '/triage';

/** Sign in (name and password, rate-limited by StaffAuth) and sign out (the session ends on the server). */
export function signInRoutes({ auth, trustedProxyHops = 0 }: ConsoleDeps): Route[] {
  return [
    {
      method: 'get',
      path: SIGN_IN_PATH,
      handler: consoleHandler(async (req, res) => {
        const query = parseQuery(signInQuerySchema, req.url);
        if (await auth.fromCookie(req.headers.cookie)) return redirect(res, QUEUE_PATH);
        sendPage(res, 200, signInPage({ signedOut: query['signed-out'] === '1' }));
      }),
    },
    {
      method: 'post',
      path: SIGN_IN_PATH,
      handler: consoleHandler(async (req, res) => {
        // Login CSRF: another site must not sign a browser in to an account of its choosing.
        if (isCrossSite(req.headers)) throw new HttpError(403, 'forbidden', 'The sign-in form was sent from another site.');
        const parsed = signInFormSchema.safeParse(await readFormBody(req, MAX_SIGN_IN_BYTES));
        if (!parsed.success) throw new HttpError(400, 'bad_request', 'The form has fields it should not have.');
        const { name, password } = parsed.data;
        const missing: PageError[] = [...(name ? [] : [SIGN_IN_ERRORS.noName]), ...(password ? [] : [SIGN_IN_ERRORS.noPassword])];
        if (missing.length) return sendPage(res, 400, signInPage({ errors: missing, name }));
        // The address is only a rate-limit key: StaffAuth hashes it, and nothing here logs it.
        const result = await auth.signIn(name, password, clientAddress(req, trustedProxyHops));
        if (result.ok) return redirect(res, QUEUE_PATH, { 'Set-Cookie': result.cookie });
        if (result.reason === 'locked') {
          const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
          const page = signInPage({ errors: [SIGN_IN_ERRORS.locked(minutes)], name });
          return sendPage(res, 429, page, { 'Retry-After': String(Math.max(1, result.retryAfterSeconds)) });
        }
        sendPage(res, 401, signInPage({ errors: [SIGN_IN_ERRORS.wrong], name }));
      }),
    },
    {
      method: 'post',
      path: '/triage/sign-out',
      handler: consoleHandler(async (req, res) => {
        const session = await auth.fromCookie(req.headers.cookie);
        const fields = await readFormBody(req, MAX_SIGN_IN_BYTES);
        if (session && !auth.csrfMatches(session, fields.csrf)) throw new HttpError(403, 'forbidden', 'The form has expired.');
        const cookie = await auth.signOut(req.headers.cookie);
        redirect(res, `${SIGN_IN_PATH}?signed-out=1`, { 'Set-Cookie': cookie });
      }),
    },
  ];
}
