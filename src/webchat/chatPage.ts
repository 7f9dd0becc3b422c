import { html, type Html } from '../http/html';
import type { ChatSettings } from './chatSettings';

/** How the chat page reaches the bot. */
export type ChatConnection =
  | { mode: 'built-in'; webSocket: boolean }
  /** Azure Direct Line: the page buys a token from us, then talks to `endpoint`. */
  | { mode: 'azure'; endpoint: string };

export interface ChatPageOptions {
  settings: ChatSettings;
  connection: ChatConnection;
  exitUrl: string;
  /** This response's style nonce, handed to Web Chat for the <style> elements it adds. */
  nonce: string;
  /** URLs (with their ?v= hash) of our scripts and stylesheet. */
  assets: { webChat: string; shiftExit: string; chat: string; css: string; spinner: string; typing: string };
}

/**
 * The page inside the iframe. Settings reach chat.js as data-* attributes (the CSP allows no inline script);
 * our scripts come first, so that Exit and Close work while Web Chat's large bundle is still loading.
 */
export function chatPage({ settings, connection, exitUrl, nonce, assets }: ChatPageOptions): Html {
  return html`<!DOCTYPE html>
<html lang="${settings.language}">
<head>
  <meta charset="utf-8">
  <title>${settings.title}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <link rel="stylesheet" href="${assets.css}">
  <script src="${assets.shiftExit}" defer></script>
  <script src="${assets.chat}" defer></script>
  <script src="${assets.webChat}" id="cs-webchat-script" defer></script>
</head>
<body>
  <div class="cs-chat" id="clearsight-chat"
    data-mode="${connection.mode}"
    data-web-socket="${connection.mode === 'built-in' && connection.webSocket ? 'true' : 'false'}"
    ${connection.mode === 'azure' ? html`data-endpoint="${connection.endpoint}"` : ''}
    data-locale="${settings.language}"
    data-exit-url="${exitUrl}"
    data-accent="${settings.accent}"
    data-header-colour="${settings.colours.background}"
    data-header-text-colour="${settings.colours.text}"
    data-spinner-image="${assets.spinner}"
    data-typing-image="${assets.typing}"
    data-nonce="${nonce}">
    <header class="cs-header">
      <h1 class="cs-title" id="cs-title">${settings.title}</h1>
      <div class="cs-actions">
        <button type="button" class="cs-button cs-exit" data-action="exit">Exit this page</button>
        <button type="button" class="cs-button cs-close" data-action="close">Close chat</button>
      </div>
    </header>
    <p class="cs-hint">To leave this page fast, press Shift 3 times.</p>
    <div class="cs-webchat" id="cs-webchat"></div>
    <div class="cs-notice">
      <p class="cs-status" id="cs-status" role="status"></p>
      <button type="button" class="cs-button cs-restart" id="cs-restart" data-action="restart" hidden>Start a new chat</button>
    </div>
    <div class="cs-visually-hidden" id="cs-shift-status" role="status"></div>
    <noscript><p class="cs-noscript">This chat needs JavaScript to work. If someone is in danger right now, ring 999.</p></noscript>
  </div>
</body>
</html>`;
}
