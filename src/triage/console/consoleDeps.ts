import type { AgencyDirectory } from '../../concerns/agencies';
import type { StaffAuth } from '../auth/staffAuth';
import type { TriageService } from '../triageService';
import type { IndicatorStore } from '../../indicators/indicatorStore';

/** What the console needs: the triage service, staff sign-in, and agency names. */
export interface ConsoleDeps {
  triage: TriageService;
  auth: StaffAuth;
  agencies: AgencyDirectory;
  /** The clock for "due in 40 minutes" (pass the service's clock; defaults to the system's). */
  now?: () => Date;
  /** Reverse proxies in front of the service, so that sign-in limits count the real client address. */
  trustedProxyHops?: number;
  /** The partnership's counters, for the indicators page (absent: no page). */
  indicators?: IndicatorStore;
}
