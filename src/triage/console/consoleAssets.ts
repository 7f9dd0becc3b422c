import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setStaffSecurityHeaders } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import { STYLESHEET_PATH } from './layout';

/** A file the console serves: read once at start-up, never looked up from a request path. */
interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
}

/**
 * Static files hold nothing sensitive, so unlike pages they may be cached for a day (saves sending 130 kB
 * with every page in a busy office).
 */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400';

/** Our few additions to GOV.UK's styles (style-src 'self' forbids inline styles). */
const CONSOLE_CSS = '.console-wide{max-width:1280px}.console-tag-wide{max-width:none}.console-nowrap{white-space:nowrap}\n';

/**
 * GOV.UK Frontend's stylesheet, from the installed package, without its @font-face rules: the GDS Transport
 * font is licensed for GOV.UK only, and a council tool falls back to Arial as GOV.UK Frontend intends. Its
 * remaining asset URLs are moved under /triage/assets/ (none is needed by the components we use).
 */
export function loadGovukStylesheet(): Buffer {
  const dist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
  const css = readFileSync(join(dist, 'govuk-frontend.min.css'), 'utf8');
  const withoutFonts = css.replace(/@font-face\{[^}]*\}/g, '');
  // Stop at start-up if the package changes shape, rather than serve a stylesheet that fetches fonts.
  if (withoutFonts === css || withoutFonts.includes('@font-face')) {
    throw new Error('govuk-frontend: the stylesheet\u2019s @font-face rules were not where expected');
  }
  return Buffer.from(withoutFonts.replaceAll('url(/assets/', 'url(/triage/assets/') + CONSOLE_CSS, 'utf8');
}

/** GET routes for the fixed list of assets, built once. */
export function assetRoutes(assets: readonly Asset[] = [{ path: STYLESHEET_PATH, contentType: 'text/css; charset=utf-8', body: loadGovukStylesheet() }]): Route[] {
  return assets.map((asset) => ({
    method: 'get',
    path: asset.path,
    handler: (_req, res) => {
      setStaffSecurityHeaders(res);
      res.setHeader('Cache-Control', ASSET_CACHE_CONTROL);
      res.removeHeader('Pragma');
      res.setHeader('Content-Type', asset.contentType);
      res.setHeader('Content-Length', asset.body.length);
      res.writeHead(200);
      res.end(asset.body);
    },
  }));
}
