import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Request, Response } from 'restify';
import { HttpError } from '../http/httpError';
import type { Route } from '../http/server';

/**
 * GET /metrics in Prometheus text format, for a caller presenting `Authorization: Bearer <token>`; 401 with
 * WWW-Authenticate otherwise. The token is compared in constant time (both sides hashed first, so neither its
 * length nor its content shows in the timing).
 */
export function metricsRoute(token: string, registry: Registry): Route {
  const expected = digest(token);
  return {
    method: 'get',
    path: '/metrics',
    handler: async (req: Request, res: Response) => {
      const given = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];
      if (given === undefined || !timingSafeEqual(digest(given), expected)) {
        throw new HttpError(401, 'unauthorized', 'A metrics token is needed.', { 'WWW-Authenticate': 'Bearer realm="clearsight-metrics"' });
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'Content-Type': registry.contentType, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
