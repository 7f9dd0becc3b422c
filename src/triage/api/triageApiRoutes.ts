import { encodeCursor } from '../../concerns/concernIndex';
import type { Request, Response } from 'restify';
import type { ZodType } from 'zod';
import { HttpError } from '../../http/httpError';
import { readJsonBody } from '../../http/readJsonBody';
import { setStaffSecurityHeaders } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import type { StaffAuth } from '../auth/staffAuth';
import { staffCommands } from '../staffCommands';
import type { ConcernDetail, TriageService } from '../triageService';
import { apiCaller } from './apiCaller';
import type { Caller } from '../caller';
import { refuseWithoutConcerns } from '../triageErrors';
import { queueQuerySchema } from './apiSchemas';
import { openApiDocument } from './openApi';

/** Staff bodies are small: a note of 4,000 characters fits many times over. */
const MAX_BODY_BYTES = 32 * 1024;
const API_BASE = '/api/triage';

/** The triage API: JSON in and out, every body and query parsed strictly, every answer no-store. */
export function triageApiRoutes(triage: TriageService, auth: StaffAuth, trustedProxyHops = 0): Route[] {
  const routes: Route[] = [
    {
      method: 'get',
      path: `${API_BASE}/openapi.json`,
      handler: (_req, res) => {
        setStaffSecurityHeaders(res);
        res.json(200, openApiDocument());
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/concerns`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await concernCaller(req, auth, false, trustedProxyHops);
        const query = parse(queueQuerySchema, Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), 'query');
        const { limit, cursor, ...filter } = query;
        const { items, next } = await triage.list(caller, filter, { ...(limit === undefined ? {} : { limit }), ...(cursor ? { after: cursor } : {}) });
        res.json(200, { concerns: items, ...(next ? { next: encodeCursor(next) } : {}) });
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/concerns/:ref`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await concernCaller(req, auth, false, trustedProxyHops);
        sendDetail(res, await triage.get(caller, refOf(req)));
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/concerns/:ref/audit`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await concernCaller(req, auth, false, trustedProxyHops);
        res.json(200, { entries: await triage.auditTrail(caller, refOf(req)) });
      },
    },
  ];
  for (const [name, command] of staffCommands()) {
    routes.push({
      method: 'post',
      path: `${API_BASE}/concerns/:ref/${name}`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await concernCaller(req, auth, true, trustedProxyHops);
        const body = parse(command.body, await readJsonBody(req, MAX_BODY_BYTES, { emptyAs: {} }), 'body');
        sendDetail(res, await triage.perform(caller, refOf(req), command, body));
      },
    });
  }
  return routes;
}

/** The caller, if their role sees concerns: a partnership account is refused (403) before anything is read. */
async function concernCaller(req: Request, auth: StaffAuth, changes: boolean, trustedProxyHops: number): Promise<Caller> {
  const caller = await apiCaller(req, auth, changes, trustedProxyHops);
  refuseWithoutConcerns(caller);
  return caller;
}

function sendDetail(res: Response, detail: ConcernDetail): void {
  res.json(200, { summary: detail.item, concern: detail.concern });
}

function refOf(req: Request): string {
  const ref: unknown = req.params?.ref;
  return typeof ref === 'string' ? ref : '';
}

/** The value as the schema has it, or a 400 naming the fields at fault (never their values). */
export function parse<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw new HttpError(400, 'bad_request', `The ${what} is not valid: ${problems}`);
}
