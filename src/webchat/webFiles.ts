import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultContentDir, packageDirAbove } from '../content/contentDir';

/** The project's web/ folder (plain browser files, served as they are), beside content/. */
export function defaultWebDir(): string {
  return join(dirname(defaultContentDir()), 'web');
}

/** One file of web/, as text. Read at start-up only: a missing file stops start-up. */
export function readWebFile(webDir: string, name: string): string {
  return readFileSync(join(webDir, name), 'utf8');
}

/**
 * Web Chat's full browser bundle (React included; the minimal one cannot render hero cards), from the
 * installed package. The package exports no file paths, so its folder is found from its main entry.
 */
export function readWebChatBundle(): Buffer {
  return readFileSync(join(packageDirAbove(dirname(require.resolve('botframework-webchat'))), 'dist', WEBCHAT_BUNDLE_NAME));
}

/** The bundle's file name (in the package's dist/, and for its gzip made by the build). */
export const WEBCHAT_BUNDLE_NAME = 'webchat.js';

/**
 * embed.js as served: the shared Shift-three-times watcher and the embed script inside one function, so
 * that nothing is added to the host page's globals, with the configured exit URL in place of its placeholder.
 */
export function buildEmbedScript(webDir: string, exitUrl: string): string {
  const embed = readWebFile(webDir, 'embed.js');
  const placeholder = "'__CLEARSIGHT_EXIT_URL__'";
  if (embed.split(placeholder).length !== 2) throw new Error(`web/embed.js: expected ${placeholder} exactly once`);
  // JSON is a JavaScript string literal once U+2028/U+2029 are escaped too.
  const literal = JSON.stringify(exitUrl).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `(function () {\n${readWebFile(webDir, 'shift-exit.js')}\n${embed.replace(placeholder, () => literal)}\n})();\n`;
}
