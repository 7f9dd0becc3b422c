import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's content/ folder, found from this file whether it runs from src/ or from dist/src/. */
export function defaultContentDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('content/: no package.json above ' + __dirname);
    dir = parent;
  }
  return join(dir, 'content');
}
