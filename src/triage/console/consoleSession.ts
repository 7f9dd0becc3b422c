import type { AgencyDirectory } from '../../concerns/agencies';
import { seesConcerns } from '../../staff/staffAccount';
import { seesIndicators } from '../api/indicatorApiRoutes';
import { INDICATORS_PATH } from './indicatorsPage';
import type { ConsoleSession, StaffAuth } from '../auth/staffAuth';
import { redirect, type ConsoleRequest, type ConsoleResponse, type RequestState } from './consoleResponses';
import type { SignedIn } from './layout';

export const SIGN_IN_PATH = '/triage/sign-in';
const QUEUE_NAV = '/triage';

/** What the header says for a partnership account, which belongs to no agency. */
export const PARTNERSHIP_NAME = 'South Yorkshire partnership (all areas)';

/**
 * The request's live session, noted in `state` for error pages; without one, a 303 to the sign-in page
 * has been sent and the handler stops.
 */
export async function sessionOrSignIn(
  auth: StaffAuth,
  agencies: AgencyDirectory,
  req: ConsoleRequest,
  res: ConsoleResponse,
  state: RequestState,
): Promise<ConsoleSession | undefined> {
  const session = await auth.fromCookie(req.headers.cookie);
  if (!session) {
    redirect(res, SIGN_IN_PATH);
    return undefined;
  }
  state.signedIn = signedInAs(session, agencies);
  return session;
}

/** The header's view of a session: name, agency name and the token for the sign-out form. */
export function signedInAs(session: ConsoleSession, agencies: AgencyDirectory): SignedIn {
  const { caller } = session;
  const agencyName = caller.role === 'partnership' ? PARTNERSHIP_NAME : agencyNameIn(agencies)(caller.agency);
  const nav = [...(seesConcerns(caller.role) ? [{ href: QUEUE_NAV, text: 'Queue' }] : []), ...(seesIndicators(caller) ? [{ href: INDICATORS_PATH, text: 'Indicators' }] : [])];
  return { name: caller.name, agencyName, csrfToken: session.csrfToken, nav };
}

/** An agency's name, or its id if it has left the directory (old transfers, old audit entries). */
export function agencyNameIn(agencies: AgencyDirectory): (id: string) => string {
  return (id) => (agencies.has(id) ? agencies.get(id).name : id);
}
