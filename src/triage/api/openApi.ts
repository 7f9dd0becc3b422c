import { z, type ZodType } from 'zod';
import { staffCommands } from '../staffCommands';
import { emptyBodySchema, newStaffBodySchema, queueQuerySchema } from './apiSchemas';

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  body?: ZodType;
  query?: boolean;
  status?: number;
}

const CONCERN = '/api/triage/concerns/{ref}';

/** Every operation of the triage API; a test checks this list against the routes the server has. */
export const OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/triage/concerns', summary: "Your agency's queue: urgent first, then oldest, a page at a time (limit, default 50, at most 200; `next`, when there may be more, is the cursor of the next page). Without a status filter, every concern not closed.", query: true },
  { method: 'get', path: CONCERN, summary: 'The whole concern: what the reporter said (`answers`, among them `relationship`, `childAge` and `parentsKnow`) and added later, the earlier concern it follows (`follows`, a reference or null), and the triage so far. Reading it is audited.' },
  { method: 'get', path: `${CONCERN}/audit`, summary: 'The audit trail of the concern: who did what, when (never any text).' },
  ...staffCommands().map(([name, command]): Operation => ({ method: 'post', path: `${CONCERN}/${name}`, summary: command.summary, body: command.body })),
  { method: 'get', path: '/api/triage/staff', summary: "Your agency's staff accounts (admins)." },
  { method: 'post', path: '/api/triage/staff', summary: 'Create an account in your agency (admins); the answer holds its console password, shown this once (API tokens are issued separately).', body: newStaffBodySchema, status: 201 },
  { method: 'post', path: '/api/triage/staff/{id}/disable', summary: 'Disable an account of your agency, end its sessions and revoke its API tokens (admins).', body: emptyBodySchema },
];

const ERRORS = {
  '400': { description: 'The body or query does not match the schema (unknown fields are refused).' },
  '401': { description: 'No valid session cookie or Bearer token.' },
  '403': { description: 'Your role may not do this, or the session\u2019s X-CSRF-Token is missing.' },
  '404': { description: 'No such concern in your agency\u2019s queue (another agency\u2019s concerns answer the same).' },
  '409': { description: 'Someone else holds the claim, the concern is closed, or no outcome is recorded yet.' },
};

/** The OpenAPI 3.1 document served at /api/triage/openapi.json, with request schemas drawn from the zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [...pathParameters(op.path), ...(op.query ? queryParameters() : [])];
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.body ? { requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } } } } : {}),
        responses: { [String(op.status ?? 200)]: { description: 'OK' }, ...ERRORS },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Clearsight triage API', version: '1.0.0', description: 'Duty staff work their agency\u2019s queue of concerns. Every change is audited.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer cs_<id>_<secret>: an API token from `npm run staff -- token issue <staff id>` (90 days unless `--days` says, at most 365; revoked with `token revoke <id>`, and with the account). A console password is not accepted here.' },
        session: { type: 'apiKey', in: 'cookie', name: 'clearsight-staff', description: 'The console session; changes also need X-CSRF-Token.' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters() {
  const schema = z.toJSONSchema(queueQuerySchema, { io: 'input' }) as { properties?: Record<string, unknown> };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}
