import type { Alert, AlertKind } from './alert';

/** The JSON body posted to an agency's incoming webhook: these four fields and nothing else. */
export interface AlertMessage {
  /** One plain line, which a Slack incoming webhook shows as the message (Teams webhooks get a card: teamsCard.ts). */
  text: string;
  ref: string;
  agency: string;
  urgency: AlertKind;
}

/**
 * The message for an alert. Built field by field from the alert alone, so nothing the reporter wrote,
 * and nothing that identifies anyone, can reach the duty channel.
 */
export function alertMessage(alert: Alert): AlertMessage {
  return { text: lineFor(alert), ref: alert.ref, agency: alert.agency, urgency: alert.kind };
}

function lineFor({ kind, ref, agency }: Alert): string {
  switch (kind) {
    case 'urgent':
      return `Clearsight: new URGENT concern ${ref} for ${agency}. Open the triage console.`;
    case 'overdue':
      return `Clearsight: concern ${ref} for ${agency} is OVERDUE: no decision recorded within its due time.`;
  }
}
