import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { packageDirAbove } from './contentDir';

/*
 * The content's YAML files parsed once by the build (npm run build) and kept as JSON, which reads about
 * twenty times faster: parsing 420 KB of YAML was a third of a second of every start. Each is filed under
 * the SHA-256 of the YAML text it came from, so an edited file simply finds no copy and is parsed as YAML.
 * A file whose parsed form JSON cannot hold exactly (a date, a map with odd keys) gets no copy.
 */

/** Where the build writes them: dist/content-cache/ in the project, whether the code runs from src/ or dist/src/. */
export function yamlCacheDir(): string {
  return join(packageDirAbove(__dirname), 'dist', 'content-cache');
}

function cachePath(dir: string, text: string): string {
  return join(dir, `${createHash('sha256').update(text).digest('hex')}.json`);
}

/** The build's parse of this YAML text, or undefined when there is none. */
export function readCachedYaml(text: string, dir: string = yamlCacheDir()): unknown {
  const file = cachePath(dir, text);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // unreadable: parse the YAML as if there were no copy
  }
}

/** Keeps the parse of `text` for later starts; false when JSON cannot hold it exactly. */
export function writeCachedYaml(text: string, parsed: unknown, dir: string = yamlCacheDir()): boolean {
  const json = JSON.stringify(parsed);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), parsed)) return false;
  mkdirSync(dir, { recursive: true });
  const file = cachePath(dir, text);
  writeFileSync(`${file}.tmp`, json);
  renameSync(`${file}.tmp`, file);
  return true;
}
