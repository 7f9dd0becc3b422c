import { open } from 'node:fs/promises';

/** Flushes a directory's entries to disk, so that a file just created or renamed in it survives a crash. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
