import { readFormBody } from '../../http/readFormBody';
import { HttpError } from '../../http/httpError';
import type { Route } from '../../http/server';
import { staffCommands } from '../staffCommands';
import { TriageError, refuseWithoutConcerns } from '../triageErrors';
import { concernPage } from './concernPage';
import { concernView } from './concernView';
import { actionFormSchemas, commandBody, fieldIds, formErrors, refusedValues } from './consoleForms';
import type { ConsoleDeps } from './consoleDeps';
import { consoleHandler, redirect, sendPage } from './consoleResponses';
import { sessionOrSignIn } from './consoleSession';
import type { PageError } from './govukParts';
import { QUEUE_PATH } from './signInRoutes';

/** A note of 4,000 characters fits many times over. */
const MAX_FORM_BYTES = 32 * 1024;

export function concernPath(ref: string): string {
  return `/triage/concerns/${encodeURIComponent(ref)}`;
}

/**
 * POST /triage/concerns/:ref/<command>, one route per staff command: session, then the CSRF token (403),
 * then the form (strict), then the service; success is a 303 back (post/redirect/get) with the command's
 * confirmation; a conflict or invalid change shows the concern again with the reason (409/400).
 */
export function concernActionRoutes(deps: ConsoleDeps): Route[] {
  return staffCommands().map(([name, command]) => ({
    method: 'post',
    path: `/triage/concerns/:ref/${name}`,
    handler: consoleHandler(async (req, res, state) => {
      const session = await sessionOrSignIn(deps.auth, deps.agencies, req, res, state);
      if (!session) return;
      refuseWithoutConcerns(session.caller);
      const ref = String(req.params.ref ?? '');
      const fields = await readFormBody(req, MAX_FORM_BYTES);
      if (!deps.auth.csrfMatches(session, fields.csrf)) throw new HttpError(403, 'forbidden', 'The form has expired.');
      const parsed = actionFormSchemas[name].safeParse(fields);
      const refuse = async (status: number, errors: PageError[]) => {
        const view = await concernView(deps, session, ref, { errors, values: refusedValues(name, fields) });
        sendPage(res, status, concernPage(view));
      };
      if (!parsed.success) return refuse(400, formErrors(name, parsed.error));
      try {
        await deps.triage.perform(session.caller, ref, command, commandBody(parsed.data));
      } catch (err) {
        if (!(err instanceof TriageError) || (err.refusal !== 'conflict' && err.refusal !== 'invalid')) throw err;
        // A refusal about one field links to its control.
        const field = command.refusalFields?.[err.code];
        return refuse(err.refusal === 'conflict' ? 409 : 400, [{ text: err.reason, field: field && fieldIds(name)[field] }]);
      }
      const { code, page } = command.done;
      redirect(res, page === 'queue' ? `${QUEUE_PATH}?done=${code}` : `${concernPath(ref)}?done=${code}`);
    }),
  }));
}
