import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Route } from '../http/server';

/**
 * A file served from memory: read once at start-up, never looked up from a request path; gzipped once, by
 * the build (`precompressed`) or on the first request that accepts gzip.
 */
export interface StaticAsset {
  path: string;
  contentType: string;
  body: Buffer;
  cacheControl: string;
  /** Cross-Origin-Resource-Policy: cross-origin for embed.js (loaded by council sites), else same-origin. */
  resourcePolicy: 'same-origin' | 'cross-origin';
  /** The build's gzip of exactly this body, if there is one (read when first needed). */
  precompressed?: () => Buffer | undefined;
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

/**
 * A GET route per asset, sent gzipped to every client that accepts it. The gzip is the build's when there is
 * one, else made on the first request that wants it and kept: start-up compresses nothing.
 */
export function staticAssetRoutes(assets: readonly StaticAsset[]): Route[] {
  return assets.map((asset) => {
    let made: Buffer | undefined;
    const gzip = (): Buffer => (made ??= asset.precompressed?.() ?? gzipSync(asset.body));
    return {
      method: 'get',
      path: asset.path,
      handler: (req, res) => {
        const gzipped = acceptsGzip(req.headers['accept-encoding']);
        const body = gzipped ? gzip() : asset.body;
        res.writeHead(200, {
          'Content-Type': asset.contentType,
          'Content-Length': body.length,
          ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
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
