import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compiledSource, readCompiledModelFile, type ModelSource } from '../classifier/compiledModel';
import { packageDirAbove } from './contentDir';
import { ContentError } from './loadYaml';

/*
 * The trained models (content/*-model.json) as the service reads them: from the build's compiled copy in
 * dist/models/ when there is one made from exactly this JSON (see compiledModel.ts: milliseconds instead
 * of seconds), otherwise from the JSON itself. Either way the caller validates what comes back.
 *
 * "Exactly this JSON": the compiled copy records the JSON's SHA-256, size and modification time. When the
 * file's size and time are the ones recorded it is taken as unchanged, as make would; otherwise (a checkout,
 * a copy, a retrained model) the file is hashed, and a different hash means the JSON is read instead.
 */

/** Where the build writes compiled models: dist/models/ in the project, whether the code runs from src/ or dist/src/. */
export function compiledModelDir(): string {
  return join(packageDirAbove(__dirname), 'dist', 'models');
}

/** The compiled copy of a model file, in `dir`. */
export function compiledModelPath(dir: string, jsonFile: string): string {
  return join(dir, `${basename(jsonFile)}.bin`);
}

export function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** What a compiled copy of `file` must record to be used for it. */
export function modelSource(file: string, bytes: Buffer = readFileSync(file)): ModelSource {
  const { size, mtimeMs } = statSync(file);
  return { sha256: sha256(bytes), size, mtimeMs };
}

/** Whether `compiled` was made from `file` as it is now. */
export function compiledFrom(compiled: Buffer, file: string): boolean {
  const made = compiledSource(compiled);
  if (!made) return false;
  const { size, mtimeMs } = statSync(file);
  if (made.size === size && made.mtimeMs === mtimeMs) return true;
  return made.sha256.equals(sha256(readFileSync(file)));
}

/** Reads one model file, from its compiled copy in `compiledDir` when that was made from this very JSON. */
export function readModelContent(file: string, compiledDir: string = compiledModelDir()): unknown {
  if (!existsSync(file)) throw new ContentError(`${file}: cannot be read (there is no such file)`);
  const compiledFile = compiledModelPath(compiledDir, file);
  const compiled = existsSync(compiledFile) ? readFileSync(compiledFile) : undefined;
  if (compiled && compiledFrom(compiled, file)) {
    try {
      return readCompiledModelFile(compiled);
    } catch (err) {
      throw new ContentError(`${compiledFile}: ${(err as Error).message} (npm run build writes it again)`);
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(`${file}: cannot be read (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ContentError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
}
