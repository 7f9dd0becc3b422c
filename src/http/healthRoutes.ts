import type { Request, Response } from 'restify';
import type { ReadinessProbe } from '../storage/readinessProbe';

/** GET /healthz: the process is alive. */
export function healthHandler() {
  return (_req: Request, res: Response): void => {
    res.json(200, { status: 'ok' });
  };
}

/**
 * GET /readyz: ready to take traffic (every dependency answers, and not shutting down); 503 otherwise.
 * `details` add what staff's operations need to see (alert delivery failures) without deciding readiness:
 * a duty channel's webhook being down must not take the bot away from reporters.
 */
export function readyHandler(
  probes: readonly ReadinessProbe[],
  isDraining: () => boolean,
  details: Readonly<Record<string, () => unknown>> = {},
) {
  return async (_req: Request, res: Response): Promise<void> => {
    const checks: Record<string, boolean> = {};
    await Promise.all(
      probes.map(async (p) => {
        checks[p.name] = await p.isReady();
      }),
    );
    const ready = !isDraining() && Object.values(checks).every(Boolean);
    const detail = Object.fromEntries(Object.entries(details).map(([name, read]) => [name, read()]));
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : isDraining() ? 'shutting_down' : 'not_ready', checks, details: detail });
  };
}
