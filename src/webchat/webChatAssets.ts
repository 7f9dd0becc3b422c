import type { Config } from '../config/config';
import { LONG_CACHE, SHORT_CACHE, versionedPath, type StaticAsset } from './staticAssets';
import { precompressedDir, readPrecompressed } from './precompressed';
import { buildEmbedScript, readWebChatBundle, readWebFile, WEBCHAT_BUNDLE_NAME } from './webFiles';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const SVG = 'image/svg+xml; charset=utf-8';

/** Every file the web chat serves, read once at start-up (Web Chat's bundle gzipped by the build, or when first asked for). */
export interface WebChatAssets {
  list: readonly StaticAsset[];
  /** Versioned URLs (path?v=hash) for the pages to link to. */
  urls: { webChat: string; shiftExit: string; chat: string; css: string; demoCss: string; spinner: string; typing: string };
}

export function loadWebChatAssets(config: Pick<Config, 'WEBCHAT_EXIT_URL'>, webDir: string): WebChatAssets {
  const own = (path: string, file: string, contentType: string): StaticAsset => ({
    path,
    contentType,
    body: Buffer.from(readWebFile(webDir, file), 'utf8'),
    cacheControl: LONG_CACHE,
    resourcePolicy: 'same-origin',
  });
  const embed: StaticAsset = {
    path: '/embed.js',
    contentType: JS,
    body: Buffer.from(buildEmbedScript(webDir, config.WEBCHAT_EXIT_URL), 'utf8'),
    cacheControl: SHORT_CACHE,
    resourcePolicy: 'cross-origin',
  };
  const bundle = readWebChatBundle();
  const webChat: StaticAsset = {
    path: '/webchat/webchat.js',
    contentType: JS,
    body: bundle,
    cacheControl: LONG_CACHE,
    resourcePolicy: 'same-origin',
    precompressed: () => readPrecompressed(precompressedDir(), WEBCHAT_BUNDLE_NAME, bundle),
  };
  const shiftExit = own('/webchat/shift-exit.js', 'shift-exit.js', JS);
  const chat = own('/webchat/chat.js', 'chat.js', JS);
  const css = own('/webchat/chat.css', 'chat.css', CSS);
  const demoCss = own('/webchat/demo.css', 'demo.css', CSS);
  // Web Chat's own spinner and typing animations are blob: URLs, which the chat page's CSP refuses.
  const spinner = own('/webchat/spinner.svg', 'spinner.svg', SVG);
  const typing = own('/webchat/typing.svg', 'typing.svg', SVG);
  return {
    list: [embed, webChat, shiftExit, chat, css, demoCss, spinner, typing],
    urls: {
      webChat: versionedPath(webChat),
      shiftExit: versionedPath(shiftExit),
      chat: versionedPath(chat),
      css: versionedPath(css),
      demoCss: versionedPath(demoCss),
      spinner: versionedPath(spinner),
      typing: versionedPath(typing),
    },
  };
}
