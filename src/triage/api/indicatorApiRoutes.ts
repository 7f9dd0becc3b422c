import type { Request } from 'restify';
import { HttpError } from '../../http/httpError';
import { setStaffSecurityHeaders } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import { indicatorCsv, indicatorReport } from '../../indicators/indicatorReport';
import { periodOf, periodQuerySchema, type Period } from '../../indicators/indicatorPeriod';
import type { IndicatorStore } from '../../indicators/indicatorStore';
import { hasRole } from '../../staff/staffAccount';
import type { StaffAuth } from '../auth/staffAuth';
import type { Caller } from '../caller';
import { apiCaller } from './apiCaller';
import { parse } from './triageApiRoutes';

export interface IndicatorApiDeps {
  indicators: IndicatorStore;
  auth: StaffAuth;
  now: () => Date;
  trustedProxyHops?: number;
}

/** Who may read the indicators: the partnership's analysts, and agencies' managers and admins. */
export function seesIndicators(caller: Caller): boolean {
  return hasRole(caller.role, 'partnership') || hasRole(caller.role, 'manager');
}

/** Refuses (403) anyone who does not see the indicators: the API's and the console's one check. */
export function refuseWithoutIndicators(caller: Caller): void {
  if (!seesIndicators(caller)) throw new HttpError(403, 'forbidden', 'The indicators are for partnership accounts and managers.');
}

/**
 * The partnership's indicators: GET /api/indicators (JSON, long format) and /api/indicators.csv, each for
 * `?from=YYYY-MM&to=YYYY-MM` (default: the last twelve months). Small numbers held back (indicatorReport).
 */
export function indicatorApiRoutes(deps: IndicatorApiDeps): Route[] {
  const read = async (req: Request): Promise<{ period: Period; rows: ReturnType<typeof indicatorReport> }> => {
    const caller = await apiCaller(req, deps.auth, false, deps.trustedProxyHops ?? 0);
    refuseWithoutIndicators(caller);
    const query = parse(periodQuerySchema, Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), 'query');
    const asked = periodOf(query, deps.now());
    if (!asked.ok) throw new HttpError(400, 'bad_request', asked.problem);
    const { from, to } = asked.period;
    return { period: asked.period, rows: indicatorReport(await deps.indicators.read(from, to), from, to) };
  };
  return [
    {
      method: 'get',
      path: '/api/indicators',
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const { period, rows } = await read(req);
        res.json(200, { ...period, suppression: 'Values from 1 to 4 are null with suppressed: true, and so is any value that would let one be worked out.', rows });
      },
    },
    {
      method: 'get',
      path: '/api/indicators.csv',
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const { period, rows } = await read(req);
        const body = indicatorCsv(rows);
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="clearsight-indicators-${period.from}-to-${period.to}.csv"`,
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
      },
    },
  ];
}
