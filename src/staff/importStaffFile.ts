import { join } from 'node:path';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { SqliteStaffStore } from './sqliteStaffStore';
import { readStaffFile, STAFF_FILE } from './staffFile';

/**
 * Imports `{dataDir}/staff.json` (earlier versions' accounts) into the embedded database: every account
 * whose id is not there yet, in one transaction. Idempotent, so it runs at every start-up; the file is
 * left as it is. Resolves to how many accounts were added (0 when there is no file). A file that does not
 * parse throws CorruptStaffError naming the file, and nothing is imported.
 */
export async function importStaffFile(db: SqliteDatabase, dataDir: string): Promise<number> {
  const records = await readStaffFile(join(dataDir, STAFF_FILE));
  return records.length === 0 ? 0 : new SqliteStaffStore(db).addMissing(records);
}
