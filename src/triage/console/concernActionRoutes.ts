import { readFormBody } from '../../http/readFormBody';
import { HttpError } from '../../http/httpError';
import type { Route } from '../../http/server';
import type { Caller } from '../caller';
import { TriageError } from '../triageErrors';
import type { TriageService } from '../triageService';
import { concernPage, type DoneCode } from './concernPage';
import { concernView } from './concernView';
import { actionFormSchemas, formErrors, refusedValues, type ActionName } from './consoleForms';
import type { ConsoleDeps } from './consoleDeps';
import { consoleHandler, redirect, sendPage } from './consoleResponses';
import { sessionOrSignIn } from './consoleSession';
import type { PageError } from './govukParts';
import { QUEUE_PATH } from './signInRoutes';

/** A note of 4,000 characters fits many times over. */
const MAX_FORM_BYTES = 32 * 1024;

type Fields<A extends ActionName> = ReturnType<(typeof actionFormSchemas)[A]['parse']>;
interface ActionSpec<A extends ActionName> {
  run: (t: TriageService, caller: Caller, ref: string, fields: Fields<A>) => Promise<unknown>;
  /** Where to go afterwards: back to the concern with a confirmation, or (after a transfer) the queue. */
  then: DoneCode | 'queue';
}

const ACTIONS: { [A in ActionName]: ActionSpec<A> } = {
  claim: { run: (t, c, ref) => t.claim(c, ref), then: 'claimed' },
  release: { run: (t, c, ref) => t.release(c, ref), then: 'released' },
  notes: { run: (t, c, ref, f) => t.addNote(c, ref, f.text), then: 'noted' },
  question: { run: (t, c, ref, f) => t.askReporter(c, ref, f.text), then: 'asked' },
  outcome: { run: (t, c, ref, f) => t.recordOutcome(c, ref, { category: f.category, rag: f.rag, rationale: f.rationale }), then: 'decided' },
  transfer: { run: (t, c, ref, f) => t.transfer(c, ref, f.to, f.reason), then: 'queue' },
  close: { run: (t, c, ref) => t.close(c, ref), then: 'closed' },
};

/** Refusals about one control: the summary links to it. */
const REFUSAL_FIELDS: Readonly<Record<string, string>> = { unknown_agency: 'transfer-to', same_agency: 'transfer-to' };

export function concernPath(ref: string): string {
  return `/triage/concerns/${encodeURIComponent(ref)}`;
}

/**
 * POST /triage/concerns/:ref/<action>: session, then the CSRF token (403), then the form (strict), then the
 * service; success is a 303 back (post/redirect/get); a conflict or invalid change shows the concern again
 * with the reason (409/400).
 */
export function concernActionRoutes(deps: ConsoleDeps): Route[] {
  return (Object.keys(ACTIONS) as ActionName[]).map((name) => ({
    method: 'post',
    path: `/triage/concerns/:ref/${name}`,
    handler: consoleHandler(async (req, res, state) => {
      const session = await sessionOrSignIn(deps.auth, deps.agencies, req, res, state);
      if (!session) return;
      const ref = String(req.params.ref ?? '');
      const fields = await readFormBody(req, MAX_FORM_BYTES);
      if (!deps.auth.csrfMatches(session, fields.csrf)) throw new HttpError(403, 'forbidden', 'The form has expired.');
      const spec = ACTIONS[name] as ActionSpec<ActionName>;
      const parsed = actionFormSchemas[name].safeParse(fields);
      const refuse = async (status: number, errors: PageError[]) => {
        const view = await concernView(deps, session, ref, { errors, values: refusedValues(name, fields) });
        sendPage(res, status, concernPage(view));
      };
      if (!parsed.success) return refuse(400, formErrors(name, parsed.error));
      try {
        await spec.run(deps.triage, session.caller, ref, parsed.data as Fields<ActionName>);
      } catch (err) {
        if (!(err instanceof TriageError) || (err.refusal !== 'conflict' && err.refusal !== 'invalid')) throw err;
        return refuse(err.refusal === 'conflict' ? 409 : 400, [{ text: err.reason, field: REFUSAL_FIELDS[err.code] }]);
      }
      redirect(res, spec.then === 'queue' ? `${QUEUE_PATH}?done=transferred` : `${concernPath(ref)}?done=${spec.then}`);
    }),
  }));
}
