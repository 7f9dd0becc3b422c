import type { Request, Response } from 'restify';
import type { ZodType } from 'zod';
import { HttpError } from '../httpError';
import { readJsonBody } from '../readJsonBody';
import { setStaffSecurityHeaders } from '../securityHeaders';
import type { Route } from '../server';
import type { Caller } from '../../triage/caller';
import type { StaffAuth } from '../../triage/auth/staffAuth';
import type { ConcernDetail, TriageService } from '../../triage/triageService';
import { apiCaller } from './apiCaller';
import {
  emptyBodySchema,
  noteBodySchema,
  outcomeBodySchema,
  questionBodySchema,
  queueQuerySchema,
  transferBodySchema,
} from './apiSchemas';
import { openApiDocument } from './openApi';

/** Staff bodies are small: a note of 4,000 characters fits many times over. */
const MAX_BODY_BYTES = 32 * 1024;
export const API_BASE = '/api/triage';

type Action = (triage: TriageService, caller: Caller, ref: string, body: never) => Promise<ConcernDetail>;

/** The POST actions on one concern: the body each takes and what it does. */
const ACTIONS: ReadonlyArray<{ name: string; schema: ZodType; run: Action }> = [
  { name: 'claim', schema: emptyBodySchema, run: (t, c, ref) => t.claim(c, ref) },
  { name: 'release', schema: emptyBodySchema, run: (t, c, ref) => t.release(c, ref) },
  { name: 'notes', schema: noteBodySchema, run: (t, c, ref, b: { text: string }) => t.addNote(c, ref, b.text) },
  { name: 'question', schema: questionBodySchema, run: (t, c, ref, b: { text: string }) => t.askReporter(c, ref, b.text) },
  { name: 'outcome', schema: outcomeBodySchema, run: (t, c, ref, b: Parameters<TriageService['recordOutcome']>[2]) => t.recordOutcome(c, ref, b) },
  { name: 'transfer', schema: transferBodySchema, run: (t, c, ref, b: { to: string; reason: string }) => t.transfer(c, ref, b.to, b.reason) },
  { name: 'close', schema: emptyBodySchema, run: (t, c, ref) => t.close(c, ref) },
];

export const ACTION_NAMES = ACTIONS.map((a) => a.name);

/** The triage API: JSON in and out, every body and query parsed strictly, every answer no-store. */
export function triageApiRoutes(triage: TriageService, auth: StaffAuth): Route[] {
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
        const caller = await apiCaller(req, auth, false);
        const filter = parse(queueQuerySchema, Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), 'query');
        res.json(200, { concerns: await triage.list(caller, filter) });
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/concerns/:ref`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await apiCaller(req, auth, false);
        sendDetail(res, await triage.get(caller, refOf(req)));
      },
    },
    {
      method: 'get',
      path: `${API_BASE}/concerns/:ref/audit`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await apiCaller(req, auth, false);
        res.json(200, { entries: await triage.auditTrail(caller, refOf(req)) });
      },
    },
  ];
  for (const action of ACTIONS) {
    routes.push({
      method: 'post',
      path: `${API_BASE}/concerns/:ref/${action.name}`,
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await apiCaller(req, auth, true);
        const body = parse(action.schema, await readJsonBody(req, MAX_BODY_BYTES, { emptyAs: {} }), 'body');
        sendDetail(res, await action.run(triage, caller, refOf(req), body as never));
      },
    });
  }
  return routes;
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
