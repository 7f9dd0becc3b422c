import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileImports, type FileImport } from '../storage/fileImports';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { AUDIT_FILE, parseAuditLines } from './auditFile';
import { SqliteAuditLog } from './sqliteAuditLog';

/**
 * Imports `{dataDir}/audit.jsonl` (earlier versions' trail) into the embedded database, once: the entries
 * and a record of what was imported (the file's name, length and SHA-256) are written in one transaction,
 * so a second run imports nothing, and a file that has only grown since imports only the lines added.
 * The file is left as it is. Resolves to how many entries were imported (0 when there is no file).
 * Throws, naming the file and never its content, for a line that does not match the schema or a file
 * changed other than by appending since it was imported; nothing is imported then.
 */
export async function importAuditFile(db: SqliteDatabase, dataDir: string): Promise<number> {
  const file = join(dataDir, AUDIT_FILE);
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  // Only complete lines: whatever follows the last newline is a write that never finished.
  const complete = content.subarray(0, content.lastIndexOf(0x0a) + 1);
  const log = new SqliteAuditLog(db);
  const imports = new FileImports(db);
  // IMMEDIATE: the service and the CLI starting together cannot both import.
  return db
    .transaction(() => {
      const last = imports.last(AUDIT_FILE);
      const from = last ? importedBytes(complete, last, file) : 0;
      if (from === complete.length) return 0;
      const firstLine = countNewlines(complete.subarray(0, from)) + 1;
      const entries = parseAuditLines(complete.subarray(from).toString('utf8'), file, firstLine);
      log.appendAll(entries);
      imports.record({ name: AUDIT_FILE, sha256: sha256(complete), bytes: complete.length, records: entries.length }, new Date());
      return entries.length;
    })
    .immediate();
}

/** How many bytes of the file an earlier import took, checking that they are still the same bytes. */
function importedBytes(complete: Buffer, last: FileImport, file: string): number {
  if (complete.length >= last.bytes && sha256(complete.subarray(0, last.bytes)) === last.sha256) return last.bytes;
  throw new Error(`${file} has changed other than by appending since it was imported; nothing imported`);
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
