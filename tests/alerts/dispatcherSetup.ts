import type { Alert } from '../../src/alerts/alert';
import { AlertDispatcher, type AlertDispatcherOptions } from '../../src/alerts/webhookAlerter';
import type { AlertWebhook } from '../../src/alerts/webhookConfig';
import { createLogger } from '../../src/logging/logger';
import { LogCapture } from '../helpers/testApp';
import { MemoryAlertSource } from './memoryAlertSource';
import { WebhookReceiver } from '../helpers/webhookReceiver';

export const URGENT: Alert = { kind: 'urgent', ref: 'ABCD-EFGH-JKLM-NPQR', agency: 'barnsley-front-door' };
export const OVERDUE: Alert = { kind: 'overdue', ref: 'WXYZ-2345-6789-ABCD', agency: 'barnsley-front-door' };

/** A clock the test moves by hand. */
export class TestClock {
  ms = Date.parse('2025-03-03T09:00:00Z');
  readonly now = (): Date => new Date(this.ms);
}

export interface DispatcherRig {
  dispatcher: AlertDispatcher;
  source: MemoryAlertSource;
  receiver: WebhookReceiver;
  clock: TestClock;
  logs: LogCapture;
  /** Stops the dispatcher and closes the receiver. */
  close(): Promise<void>;
}

/** A Slack webhook at `url` (what a plain URL in ALERT_WEBHOOKS means). */
export const slack = (url: string): AlertWebhook => ({ url, format: 'slack' });

/**
 * A dispatcher wired to an in-memory source, a real local receiver (as barnsley-front-door's Slack webhook,
 * alongside `moreWebhooks`: a plain URL is a Slack one) and a captured logger. Uses the hand-moved clock
 * unless `options.now` says otherwise.
 */
export async function dispatcherRig(
  alerts: Alert[],
  options: Partial<AlertDispatcherOptions> = {},
  moreWebhooks: Record<string, string | AlertWebhook> = {},
): Promise<DispatcherRig> {
  const receiver = await WebhookReceiver.start();
  const source = new MemoryAlertSource(...alerts);
  const clock = new TestClock();
  const logs = new LogCapture();
  const dispatcher = new AlertDispatcher({
    source,
    webhooks: {
      'barnsley-front-door': slack(receiver.url()),
      ...Object.fromEntries(Object.entries(moreWebhooks).map(([name, hook]) => [name, typeof hook === 'string' ? slack(hook) : hook])),
    },
    logger: createLogger('debug', logs),
    now: clock.now,
    timeoutMs: 1000,
    backoff: { baseMs: 20, maxMs: 200 },
    ...options,
  });
  return {
    dispatcher,
    source,
    receiver,
    clock,
    logs,
    close: async () => {
      await dispatcher.stop();
      await receiver.close();
    },
  };
}

/** The captured log lines, parsed. */
export function logEntries(logs: LogCapture): Array<Record<string, unknown>> {
  return logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
