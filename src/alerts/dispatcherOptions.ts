import type { Logger } from '../logging/logger';
import type { Alert, AlertSource } from './alert';
import type { OutOfHoursRoute } from './alertRoutes';
import type { Backoff } from './backoff';
import type { AlertWebhook } from './webhookConfig';

export interface AlertDispatcherOptions {
  source: AlertSource;
  /** Agency id (or out-of-hours route name) → incoming webhook; an agency with neither gets no alerts. */
  webhooks: Readonly<Record<string, AlertWebhook>>;
  /** Agency id → where its urgent alerts also go out of hours (default: nowhere else). */
  outOfHours?: ReadonlyMap<string, OutOfHoursRoute>;
  logger: Logger;
  now?: () => Date;
  /** How often pending alerts are read (default 30 s). A retry due sooner gets a round of its own. */
  pollMs?: number;
  /** Longest wait for one POST (default 5 s). */
  timeoutMs?: number;
  /** Wait after a failed attempt, doubling per failure, with jitter (default 1 s, up to 5 min). */
  backoff?: Backoff;
  /** Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Told of each POST to a webhook, delivered or failed (the metrics count them); must not throw or wait. */
  onPosted?: (alert: Alert, delivered: boolean) => void;
}

export type ResolvedDispatcherOptions = Required<AlertDispatcherOptions>;

const DEFAULTS = { pollMs: 30_000, timeoutMs: 5_000, backoff: { baseMs: 1_000, maxMs: 300_000 } } as const;

/** Fills in the defaults; throws RangeError on a bad timing, so a mistake stops start-up rather than the alerts. */
export function resolveDispatcherOptions(options: AlertDispatcherOptions): ResolvedDispatcherOptions {
  const backoff = options.backoff ?? DEFAULTS.backoff;
  const resolved: ResolvedDispatcherOptions = {
    ...options,
    outOfHours: options.outOfHours ?? new Map(),
    now: options.now ?? (() => new Date()),
    pollMs: positive('pollMs', options.pollMs ?? DEFAULTS.pollMs),
    timeoutMs: positive('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs),
    backoff: { baseMs: positive('backoff.baseMs', backoff.baseMs), maxMs: positive('backoff.maxMs', backoff.maxMs) },
    fetch: options.fetch ?? globalThis.fetch,
    onPosted: options.onPosted ?? (() => undefined),
  };
  if (resolved.backoff.maxMs < resolved.backoff.baseMs) throw new RangeError('AlertDispatcher: backoff.maxMs must be at least backoff.baseMs');
  return resolved;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`AlertDispatcher: ${name} must be a positive number`);
  return value;
}
