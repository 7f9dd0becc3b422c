import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Route } from '../http/server';

/** A file served from memory: read and compressed once at start-up, never looked up from a request path. */
export interface StaticAsset {
  path: string;
  contentType: string;
  body: Buffer;
  cacheControl: string;
  /** Cross-Origin-Resource-Policy: cross-origin for embed.js (loaded by council sites), else same-origin. */
  resourcePolicy: 'same-origin' | 'cross-origin';
}

/** Files whose URL carries their content hash (?v=) never change under that URL. */
export const LONG_CACHE = 'public, max-age=31536000, immutable';
/** embed.js keeps one URL on council sites: a short cache lets changes reach them within minutes. */
export const SHORT_CACHE = 'public, max-age=300';

/** The asset's URL with a short hash of its content, so that a long cache is safe across releases. */
export function versionedPath(asset: Pick<StaticAsset, 'path' | 'body'>): string {
  return `${asset.path}?v=${createHash('sha256').update(asset.body).digest('hex').slice(0, 12)}`;
}

/** Whether an Accept-Encoding header allows gzip (by name or by *, with a non-zero quality). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A GET route per asset; each is gzipped once here and sent gzipped to every client that accepts it. */
export function staticAssetRoutes(assets: readonly StaticAsset[]): Route[] {
  return assets.map((asset) => {
    const gzipped = gzipSync(asset.body, { level: 9 });
    return {
      method: 'get',
      path: asset.path,
      handler: (req, res) => {
        const body = acceptsGzip(req.headers['accept-encoding']) ? gzipped : asset.body;
        res.writeHead(200, {
          'Content-Type': asset.contentType,
          'Content-Length': body.length,
          ...(body === gzipped ? { 'Content-Encoding': 'gzip' } : {}),
          Vary: 'Accept-Encoding',
          'Cache-Control': asset.cacheControl,
          'Cross-Origin-Resource-Policy': asset.resourcePolicy,
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(body);
      },
    };
  });
}
