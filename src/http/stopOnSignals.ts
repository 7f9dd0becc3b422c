import type { App } from '../app';
import { errorSummary, type Logger } from '../logging/logger';

export interface StopOptions {
  /** SHUTDOWN_GRACE_SECONDS: how long /readyz answers 503 before the listener closes. */
  graceMs: number;
  logger: Logger;
  /** Ends the process (tests pass their own). */
  exit?: (code: number) => void;
}

/**
 * What a stop signal does. SIGTERM (systemd, a container platform, a deploy): /readyz answers 503 and every
 * response closes its connection, while requests and turns are still served, for the grace period, so that a
 * load balancer stops sending traffic before the listener goes; then stop() closes the listener and waits for
 * turns in flight. SIGINT (Ctrl-C at a terminal) skips the grace period; so does a second signal.
 */
export function stopOnSignals(app: Pick<App, 'drain' | 'stop'>, options: StopOptions): (signal: string) => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let endGrace: (() => void) | undefined;
  let stopping = false;
  return (signal) => {
    if (stopping) {
      endGrace?.();
      return;
    }
    stopping = true;
    const graceMs = signal === 'SIGTERM' ? options.graceMs : 0;
    options.logger.info({ signal, graceMs }, 'shutting down');
    app.drain();
    const grace = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      endGrace = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    grace
      .then(() => app.stop())
      .then(
        () => {
          options.logger.info('stopped');
          exit(0);
        },
        (err: unknown) => {
          options.logger.error({ code: 'SHUTDOWN_FAILED', err: errorSummary(err) });
          exit(1);
        },
      );
  };
}
