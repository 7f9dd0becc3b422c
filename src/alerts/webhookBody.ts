import type { Alert } from './alert';
import { alertMessage, type AlertMessage } from './alertMessage';
import { teamsCard, type TeamsCardMessage } from './teamsCard';
import type { WebhookFormat } from './webhookConfig';

/** What is posted to a webhook: the Slack message, or the Teams card. */
export type WebhookBody = AlertMessage | TeamsCardMessage;

/** The body for an alert in the webhook's format. */
export function webhookBody(alert: Alert, format: WebhookFormat): WebhookBody {
  return format === 'teams' ? teamsCard(alert) : alertMessage(alert);
}
