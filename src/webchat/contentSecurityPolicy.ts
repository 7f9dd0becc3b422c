import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';

/**
 * The hash of an empty <style> element. Web Chat 4.18.1 hands its nonce to everything but the transcript's
 * scroller (react-scroll-to-bottom, whose Composer it renders without `nonce`): that library adds an empty
 * <style> and fills it through the CSSOM (insertRule), which CSP does not govern. Allowing exactly an empty
 * element lets its rules apply while keeping every inline style with content blocked.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** A fresh nonce for one response (128 random bits). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The demo council page: scripts and styles from our origin only, the chat framed from our origin only, and
 * nobody may frame the demo itself.
 */
export const DEMO_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The chat page's policy, built once from the config, given a nonce per response. Web Chat adds its own
 * <style> elements: they carry the nonce (Web Chat's `nonce` prop), so no 'unsafe-inline' is needed (see
 * EMPTY_STYLE_HASH for the one that does not). Images from our origin only: Web Chat's blob: spinner and
 * typing animations are replaced by our own files. Azure mode also talks to Azure's Direct Line over https
 * and wss. Only our own pages and the configured council sites may frame the chat.
 */
export function chatPageCsp(config: Pick<Config, 'DIRECTLINE_SECRET' | 'DIRECTLINE_ENDPOINT' | 'WEBCHAT_EMBED_ORIGINS'>): (nonce: string) => string {
  const connect = ["'self'"];
  if (config.DIRECTLINE_SECRET) {
    const azure = new URL(config.DIRECTLINE_ENDPOINT);
    connect.push(azure.origin, `${azure.protocol === 'https:' ? 'wss:' : 'ws:'}//${azure.host}`);
  }
  const ancestors = ["'self'", ...config.WEBCHAT_EMBED_ORIGINS].join(' ');
  return (nonce) =>
    `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}; connect-src ${connect.join(' ')}; ` +
    `img-src 'self'; font-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors ${ancestors}`;
}
