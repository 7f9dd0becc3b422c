import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importAuditFile } from '../audit/importAuditFile';
import { replayLeniently } from '../concerns/concernLog';
import type { SqliteConcernStore } from '../concerns/sqliteConcernStore';
import { importStaffFile } from '../staff/importStaffFile';
import type { SqliteDatabase } from './sqliteDatabase';

/** The concern log the embedded default kept before the database. */
export const CONCERN_LOG = 'concerns.jsonl';

export interface OldFilesImported {
  concerns: number;
  staff: number;
  audit: number;
  /** Lines of the old concern log that could not be read or applied (their text is never logged). */
  skippedLines: number;
}

/**
 * Imports what the embedded default kept in files before it had a database (concerns.jsonl, staff.json,
 * audit.jsonl), once: each import is recorded with the file's hash, so that a second start imports
 * nothing. The files are left where they are. A bad line in the concern log loses that line only.
 */
export async function importOldFiles(
  dataDir: string,
  stores: { db: SqliteDatabase; concerns: SqliteConcernStore },
): Promise<OldFilesImported> {
  let concerns = 0;
  let skippedLines = 0;
  const log = await readIfExists(join(dataDir, CONCERN_LOG));
  const source = log && { name: CONCERN_LOG, sha256: createHash('sha256').update(log).digest('hex') };
  if (log && source && log.length > 0 && !stores.concerns.hasImported(source)) {
    const replayed = replayLeniently(log);
    skippedLines = replayed.skippedLines;
    concerns = stores.concerns.importOnce(source, replayed.concerns);
  }
  const staff = await importStaffFile(stores.db, dataDir);
  const audit = await importAuditFile(stores.db, dataDir);
  return { concerns, staff, audit, skippedLines };
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
