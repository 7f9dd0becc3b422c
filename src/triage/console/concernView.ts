import type { ConsoleSession } from '../auth/staffAuth';
import type { ConsoleDeps } from './consoleDeps';
import type { ConcernPageOptions } from './concernPage';
import { agencyNameIn, signedInAs } from './consoleSession';

/** Everything the concern page shows, read for one caller (reading it is audited by the service). */
export async function concernView(
  deps: ConsoleDeps,
  session: ConsoleSession,
  ref: string,
  extra: Pick<ConcernPageOptions, 'done' | 'errors' | 'values'> = {},
): Promise<ConcernPageOptions> {
  const { caller } = session;
  const detail = await deps.triage.get(caller, ref);
  const audit = await deps.triage.auditTrail(caller, detail.concern.ref);
  return {
    signedIn: signedInAs(session, deps.agencies),
    caller,
    detail,
    audit,
    transferTargets: deps.triage.transferTargets(caller),
    agencyName: agencyNameIn(deps.agencies),
    now: (deps.now ?? (() => new Date()))(),
    ...extra,
  };
}
