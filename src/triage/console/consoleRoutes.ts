import { encodeCursor } from '../../concerns/concernIndex';
import { HttpError } from '../../http/httpError';
import type { Route } from '../../http/server';
import { assetRoutes } from './consoleAssets';
import { concernActionRoutes } from './concernActionRoutes';
import { concernPage } from './concernPage';
import { concernView } from './concernView';
import { concernQuerySchema, parseQuery, queueFilterOf, queueQuerySchema } from './consoleForms';
import type { ConsoleDeps } from './consoleDeps';
import { consoleHandler, redirect, sendPage } from './consoleResponses';
import { INDICATORS_PATH } from './indicatorsPage';
import { seesConcerns } from '../../staff/staffAccount';
import { agencyNameIn, sessionOrSignIn } from './consoleSession';
import { queuePage } from './queuePage';
import { indicatorsRoutes } from './indicatorsRoutes';
import { QUEUE_PATH, signInRoutes } from './signInRoutes';

export type { ConsoleDeps } from './consoleDeps';

/**
 * The duty staff's console under /triage: server-rendered pages, no client scripts. Built once at start-up
 * (the stylesheet is read here, so a missing package stops start-up, not a request).
 */
export function consoleRoutes(deps: ConsoleDeps): Route[] {
  const now = deps.now ?? (() => new Date());
  return [
    ...assetRoutes(),
    ...signInRoutes(deps),
    {
      method: 'get',
      path: QUEUE_PATH,
      handler: consoleHandler(async (req, res, state) => {
        const session = await sessionOrSignIn(deps.auth, deps.agencies, req, res, state);
        if (!session) return;
        // A partnership account has no queue: its console is the indicators.
        if (!seesConcerns(session.caller.role)) return redirect(res, INDICATORS_PATH);
        const query = parseQuery(queueQuerySchema, req.url);
        const filter = queueFilterOf(query);
        const { items, next } = await deps.triage.list(session.caller, filter, query.cursor ? { after: query.cursor } : {});
        const page = queuePage({
          signedIn: state.signedIn!,
          staffId: session.caller.staffId,
          items,
          filter,
          now: now(),
          done: query.done,
          ...(next ? { next: encodeCursor(next) } : {}),
          notFirst: query.cursor !== undefined,
          agencyName: agencyNameIn(deps.agencies),
        });
        sendPage(res, 200, page);
      }),
    },
    {
      method: 'get',
      path: '/triage/concerns/:ref',
      handler: consoleHandler(async (req, res, state) => {
        const session = await sessionOrSignIn(deps.auth, deps.agencies, req, res, state);
        if (!session) return;
        const { done } = parseQuery(concernQuerySchema, req.url);
        const view = await concernView({ ...deps, now }, session, String(req.params.ref ?? ''), { done });
        sendPage(res, 200, concernPage(view));
      }),
    },
    ...concernActionRoutes({ ...deps, now }),
    ...(deps.indicators ? indicatorsRoutes({ ...deps, indicators: deps.indicators, now }) : []),
    // Anything else under /triage: our 404 page with our headers, not the framework's JSON.
    ...(['get', 'post'] as const).map((method) => ({
      method,
      path: '/triage/*',
      handler: consoleHandler(async () => {
        throw new HttpError(404, 'not_found', 'There is no page at this address.');
      }),
    })),
  ];
}
