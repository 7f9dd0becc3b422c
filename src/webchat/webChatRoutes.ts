import type { Config } from '../config/config';
import type { Route } from '../http/server';
import { chatPage, type ChatConnection } from './chatPage';
import { chatSettingsFrom } from './chatSettings';
import { chatPageCsp, DEMO_PAGE_CSP, newNonce } from './contentSecurityPolicy';
import { demoPage } from './demoPage';
import { sendPage } from './pageResponse';
import { staticAssetRoutes } from './staticAssets';
import { loadWebChatAssets } from './webChatAssets';
import { defaultWebDir } from './webFiles';

export interface WebChatRouteOptions {
  /** Whether the built-in Direct Line offers a WebSocket stream (the page then uses it instead of polling). */
  builtInWebSocket: boolean;
}

/**
 * The public web chat: the demo council page (/), the chat page (/chat), /embed.js and their assets. Every
 * file is read at start-up (a missing one stops start-up here) and served from memory.
 */
export function webChatRoutes(config: Config, options: WebChatRouteOptions): Route[] {
  const assets = loadWebChatAssets(config, defaultWebDir());
  const connection: ChatConnection = config.DIRECTLINE_SECRET
    ? { mode: 'azure', endpoint: config.DIRECTLINE_ENDPOINT }
    : { mode: 'built-in', webSocket: options.builtInWebSocket };
  const csp = chatPageCsp(config);
  const demo = demoPage({ stylesheet: assets.urls.demoCss });
  return [
    {
      method: 'get',
      path: '/',
      handler: (_req, res) => sendPage(res, demo, DEMO_PAGE_CSP, { 'X-Frame-Options': 'DENY', 'Cross-Origin-Resource-Policy': 'same-origin' }),
    },
    {
      method: 'get',
      path: '/chat',
      handler: (req, res) => {
        const settings = chatSettingsFrom(new URL(req.url ?? '/', 'http://chat.invalid').searchParams);
        const nonce = newNonce();
        const page = chatPage({ settings, connection, exitUrl: config.WEBCHAT_EXIT_URL, nonce, assets: assets.urls });
        sendPage(res, page, csp(nonce));
      },
    },
    ...staticAssetRoutes(assets.list),
  ];
}
