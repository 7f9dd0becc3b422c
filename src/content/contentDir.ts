import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder at or above `from` that holds a package.json (a package's root). */
export function packageDirAbove(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The project's content/ folder, found from this file whether it runs from src/ or from dist/src/. */
export function defaultContentDir(): string {
  return join(packageDirAbove(__dirname), 'content');
}
