import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { readCachedYaml } from './yamlCache';

/** Raised when a content file is missing or does not match its schema; the message names file and field. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/**
 * Reads one YAML content file and validates it, so a content owner's mistake stops start-up with a clear
 * reason. The build's parse of the same text (see yamlCache.ts, in `cacheDir`) is used when there is one.
 */
export function loadYaml<S extends z.ZodType>(file: string, schema: S, cacheDir?: string): z.output<S> {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = readCachedYaml(text, cacheDir) ?? parse(text);
  } catch (err) {
    throw new ContentError(`${file}: cannot be read as YAML (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new ContentError(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
