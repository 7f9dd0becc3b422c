import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

/** Raised when a content file is missing or does not match its schema; the message names file and field. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/** Reads one YAML content file and validates it, so a content owner's mistake stops start-up with a clear reason. */
export function loadYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
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

/** Reads one JSON content file (the trained models) as it is; the caller validates it. */
export function readJsonContent(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new ContentError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
}
