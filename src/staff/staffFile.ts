import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseStored, staffRecordSchema, type StaffRecord } from './staffStore';

/**
 * The staff file earlier versions of the embedded default wrote in DATA_DIR, before it had a database:
 * `{"staff":[{"account":…,"passwordHash":…},…]}`. Nothing writes it now; it is read once at start-up to
 * import it (see importStaffFile.ts).
 */
export const STAFF_FILE = 'staff.json';
const fileSchema = z.strictObject({ staff: z.array(staffRecordSchema) });

/** Every record in a staff file ([] when there is no file); CorruptStaffError naming the file when it does not parse. */
export async function readStaffFile(file: string): Promise<StaffRecord[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return parseStored(raw, fileSchema, file).staff;
}
