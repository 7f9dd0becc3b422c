/** Why duty staff are alerted: a new urgent concern, or a concern past its due time with no decision. */
export type AlertKind = 'urgent' | 'overdue';

/** What an alert says: the reference, the agency and the kind only. Nothing the reporter wrote. */
export interface Alert {
  kind: AlertKind;
  ref: string;
  agency: string;
}

/** Where alerts come from (the concern store, read through the triage clock) and where delivery is recorded. */
export interface AlertSource {
  /** Alerts due now and not yet delivered. */
  pending(now: Date): Promise<Alert[]>;
  /** Records that the alert was delivered, so it is not sent again. */
  markSent(alert: Alert, at: Date): Promise<void>;
}
