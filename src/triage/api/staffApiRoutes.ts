import type { Request } from 'restify';
import type { AuditLog } from '../../audit/auditEntry';
import { HttpError } from '../../http/httpError';
import { readJsonBody } from '../../http/readJsonBody';
import { setStaffSecurityHeaders } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import type { ApiTokenStore } from '../../staff/apiTokenStore';
import type { SessionStore } from '../../staff/sessionStore';
import { hasRole } from '../../staff/staffAccount';
import { addStaffAccount, disableStaffAccount } from '../../staff/staffAdmin';
import type { StaffStore } from '../../staff/staffStore';
import type { Caller } from '../caller';
import type { StaffAuth } from '../auth/staffAuth';
import { apiCaller } from './apiCaller';
import { emptyBodySchema, newStaffBodySchema } from './apiSchemas';
import { parse } from './triageApiRoutes';

export interface StaffApiDeps {
  staff: StaffStore;
  audit: AuditLog;
  auth: StaffAuth;
  sessions: SessionStore;
  /** Disabling an account revokes its API tokens. */
  tokens: ApiTokenStore;
  now: () => Date;
  /** Proxies in front of the service whose X-Forwarded-For is trusted (for the rate-limit key). */
  trustedProxyHops?: number;
}

const MAX_BODY_BYTES = 4 * 1024;

/** Admins manage their own agency's accounts: list, add (the password is in the answer, once), disable. */
export function staffApiRoutes(deps: StaffApiDeps): Route[] {
  const admin = { staff: deps.staff, audit: deps.audit, tokens: deps.tokens, endSessions: (id: string) => deps.sessions.destroyAllFor(id) };
  const asAdmin = async (req: Request, changes: boolean): Promise<Caller> => {
    const caller = await apiCaller(req, deps.auth, changes, deps.trustedProxyHops ?? 0);
    if (!hasRole(caller.role, 'admin')) throw new HttpError(403, 'admin_only', 'Only an admin can manage staff accounts.');
    return caller;
  };
  return [
    {
      method: 'get',
      path: '/api/triage/staff',
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await asAdmin(req, false);
        res.json(200, { staff: await deps.staff.list({ agency: caller.agency }) });
      },
    },
    {
      method: 'post',
      path: '/api/triage/staff',
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await asAdmin(req, true);
        const body = parse(newStaffBodySchema, await readJsonBody(req, MAX_BODY_BYTES), 'body');
        const { account, password } = await addStaffAccount(admin, { agency: caller.agency, ...body }, caller.staffId, deps.now());
        // The password is for the console only; API tokens are issued separately (npm run staff -- token issue).
        res.json(201, { account, password, shownOnce: true });
      },
    },
    {
      method: 'post',
      path: '/api/triage/staff/:id/disable',
      handler: async (req, res) => {
        setStaffSecurityHeaders(res);
        const caller = await asAdmin(req, true);
        parse(emptyBodySchema, await readJsonBody(req, MAX_BODY_BYTES, { emptyAs: {} }), 'body');
        const id = typeof req.params?.id === 'string' ? req.params.id : '';
        // Another agency's account answers as missing, like another agency's concern.
        const record = await deps.staff.get(id);
        if (!record || record.account.agency !== caller.agency) throw new HttpError(404, 'not_found', 'There is no such account in your agency.');
        const result = await disableStaffAccount(admin, id, caller.staffId, deps.now());
        res.json(200, { account: result?.account ?? record.account });
      },
    },
  ];
}
