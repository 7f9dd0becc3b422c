import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import { HttpError, sendError } from './httpError';
import { isRefusal } from './refusal';
import { isStoreUnavailable } from '../storage/storeUnavailable';

type Handler = (req: Request, res: Response) => unknown;

export interface Route {
  method: 'get' | 'post';
  path: string;
  handler: Handler;
}

/**
 * What every response carries unless its route sets its own (the web chat pages their CSP, static assets
 * their caching): no sniffing, nothing cached, nothing framed, nothing loaded or run. Set before routing,
 * so restify's own answers (404, 405) and every error body carry them too.
 */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
};

/**
 * The restify server. Every handler is wrapped so that a thrown error becomes a response in one place,
 * and one line is logged per request: method, route, status, time. Never an IP, a user agent or a body.
 */
export function createServer(routes: readonly Route[], logger: Logger): Server {
  const server = restify.createServer({ name: 'clearsight', handleUncaughtExceptions: false });
  server.pre((_req: Request, res: Response, next: () => void) => {
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
    next();
  });
  server.on('after', (req: Request, res: Response) => {
    logger.info(
      { method: req.method, route: req.getRoute()?.path ?? 'unmatched', status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
  for (const route of routes) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      try {
        await route.handler(req, res);
      } catch (err) {
        // Refusals and HTTP errors are answers, not failures: only the rest is logged (a store out of reach as a warning: readiness says it too).
        if (isStoreUnavailable(err)) {
          logger.warn({ code: 'STORE_UNAVAILABLE', route: route.path, err: errorSummary(err) }, 'request refused: a store cannot be reached');
        } else if (!(err instanceof HttpError || isRefusal(err))) {
          logger.error({ code: 'REQUEST_FAILED', route: route.path, err: errorSummary(err) }, 'request failed');
        }
        sendError(res, err);
      }
    });
  }
  return server;
}
