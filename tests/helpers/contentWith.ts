import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';

export interface ContentCopy {
  dir: string;
  remove(): void;
}

/**
 * The shipped content with some files changed: a temporary folder of links to every shipped file (the
 * models are large), except each file `change` names, written from the shipped text as `change` turns it.
 */
export function contentWith(change: Record<string, (shipped: string) => string>): ContentCopy {
  const shipped = defaultContentDir();
  const dir = mkdtempSync(join(tmpdir(), 'clearsight-content-'));
  for (const name of readdirSync(shipped)) {
    const edit = change[name];
    if (edit) writeFileSync(join(dir, name), edit(readFileSync(join(shipped, name), 'utf8')));
    else symlinkSync(join(shipped, name), join(dir, name));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
