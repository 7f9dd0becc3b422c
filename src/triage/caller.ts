import type { StaffRole } from '../staff/staffAccount';

/** The signed-in member of staff a triage request acts as. */
export interface Caller {
  staffId: string;
  agency: string;
  role: StaffRole;
  name: string;
}
