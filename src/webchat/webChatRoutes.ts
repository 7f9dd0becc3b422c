import type { Config } from '../config/config';
import type { Route } from '../http/server';

export interface WebChatRouteOptions {
  /** Whether the built-in Direct Line offers a WebSocket stream (the page then uses it instead of polling). */
  builtInWebSocket: boolean;
}

/** The public web chat: the demo council page (/), the chat page (/chat), /embed.js and their assets. */
export function webChatRoutes(_config: Config, _options: WebChatRouteOptions): Route[] {
  return [];
}
