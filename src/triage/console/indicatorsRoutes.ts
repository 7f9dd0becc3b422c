import { z } from 'zod';
import type { Route } from '../../http/server';
import { MONTH } from '../../indicators/indicatorMeasures';
import { periodOf } from '../../indicators/indicatorPeriod';
import { indicatorReport } from '../../indicators/indicatorReport';
import { MAX_MONTHS, type IndicatorStore } from '../../indicators/indicatorStore';
import { seesConcerns } from '../../staff/staffAccount';
import { refuseWithoutIndicators } from '../api/indicatorApiRoutes';
import { parseQuery } from './consoleForms';
import type { ConsoleDeps } from './consoleDeps';
import { consoleHandler, sendPage } from './consoleResponses';
import { sessionOrSignIn } from './consoleSession';
import type { PageError } from './govukParts';
import { INDICATORS_PATH, indicatorsPage, PERIOD_ERRORS, type IndicatorPeriod } from './indicatorsPage';

/** The period form's fields as typed (a month input sends YYYY-MM; a browser without one sends what was typed). */
const periodFormSchema = z.strictObject({ from: z.string().max(40).optional(), to: z.string().max(40).optional() });

/** The indicators page in the console: for partnership accounts, and agencies' managers and admins. */
export function indicatorsRoutes(deps: ConsoleDeps & { indicators: IndicatorStore }): Route[] {
  const now = deps.now ?? (() => new Date());
  return [
    {
      method: 'get',
      path: INDICATORS_PATH,
      handler: consoleHandler(async (req, res, state) => {
        const session = await sessionOrSignIn(deps.auth, deps.agencies, req, res, state);
        if (!session) return;
        refuseWithoutIndicators(session.caller);
        const typed = parseQuery(periodFormSchema, req.url);
        const { period, errors } = readPeriod(typed, now());
        const rows = errors.length > 0 ? [] : indicatorReport(await deps.indicators.read(period.from, period.to), period.from, period.to);
        const page = indicatorsPage({ signedIn: state.signedIn!, period, rows, errors, showQueueLink: seesConcerns(session.caller.role) });
        sendPage(res, errors.length > 0 ? 400 : 200, page);
      }),
    },
  ];
}

/** The period chosen, or the default (the last twelve months) when the form was not sent; with what is wrong with it. */
function readPeriod(typed: z.infer<typeof periodFormSchema>, now: Date): { period: IndicatorPeriod; errors: PageError[] } {
  const from = typed.from?.trim();
  const to = typed.to?.trim();
  if (from === undefined && to === undefined) {
    const asked = periodOf({}, now);
    if (asked.ok) return { period: asked.period, errors: [] };
  }
  const errors: PageError[] = [];
  if (!from) errors.push(PERIOD_ERRORS.noFrom);
  else if (!MONTH.test(from)) errors.push(PERIOD_ERRORS.badFrom);
  if (!to) errors.push(PERIOD_ERRORS.noTo);
  else if (!MONTH.test(to)) errors.push(PERIOD_ERRORS.badTo);
  const period = { from: from ?? '', to: to ?? '' };
  if (errors.length > 0) return { period, errors };
  const asked = periodOf(period, now);
  if (!asked.ok) errors.push(period.from > period.to ? PERIOD_ERRORS.backwards : PERIOD_ERRORS.tooLong(MAX_MONTHS));
  return { period, errors };
}
