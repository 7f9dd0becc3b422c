import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageDirAbove } from '../content/contentDir';

/*
 * Large assets gzipped once by the build (npm run build), so that start-up does not spend its time on it.
 * Beside each `.gz` the build writes the SHA-256 of the file it compressed: the service uses the `.gz` only
 * for exactly that content. npm gives every installed file the same old mtime, so a date would not tell a
 * stale `.gz` (from before a Web Chat upgrade) from a fresh one; a hash does.
 */

/** Where the build writes them: dist/webchat/ in the project, whether the code runs from src/ or dist/src/. */
export function precompressedDir(): string {
  return join(packageDirAbove(__dirname), 'dist', 'webchat');
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Writes `name.gz` (gzip level 9) and `name.gz.sha256` (the hash of `body`) into `dir`. */
export function writePrecompressed(dir: string, name: string, body: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.gz`);
  writeFileSync(file, gzipSync(body, { level: 9 }));
  writeFileSync(`${file}.sha256`, `${sha256(body)}\n`);
  return file;
}

/** The build's gzip of `body` from `dir`, or undefined when there is none or it was made from other content. */
export function readPrecompressed(dir: string, name: string, body: Buffer): Buffer | undefined {
  const file = join(dir, `${name}.gz`);
  if (!existsSync(file) || !existsSync(`${file}.sha256`)) return undefined;
  if (readFileSync(`${file}.sha256`, 'utf8').trim() !== sha256(body)) return undefined;
  return readFileSync(file);
}
