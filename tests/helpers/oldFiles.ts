import { appendFile, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditEntry } from '../../src/audit/auditEntry';
import { validAuditEntry } from '../../src/audit/auditErrors';
import { AUDIT_FILE } from '../../src/audit/auditFile';
import { STAFF_FILE } from '../../src/staff/staffFile';
import { validRecord, type StaffRecord } from '../../src/staff/staffStore';

/**
 * The files earlier versions of the embedded default kept in DATA_DIR, written byte for byte as their
 * stores wrote them (each record or entry through the schema first, file 0600 in a 0700 directory), for
 * the importers' tests. Content that does not match the schema is for the test to write by hand.
 */

/** Writes `staff.json` with these records, replacing the file: `{"staff":[…]}`, indented by 2, ending in a newline. */
export async function writeOldStaffFile(dataDir: string, staff: StaffRecord[]): Promise<void> {
  const records = staff.map((r) => validRecord(r.account, r.passwordHash));
  await writeOld(join(dataDir, STAFF_FILE), `${JSON.stringify({ staff: records }, null, 2)}\n`);
}

/**
 * Appends these entries to `audit.jsonl`, one JSON line each. As the old log did, a torn last line (no
 * newline at the end) is ended first, so that the first entry starts on a line of its own.
 */
export async function appendOldAuditFile(dataDir: string, entries: AuditEntry[]): Promise<void> {
  const file = join(dataDir, AUDIT_FILE);
  const existing = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  const lines = entries.map((e) => `${JSON.stringify(validAuditEntry(e))}\n`).join('');
  if (!existing) return writeOld(file, lines);
  await appendFile(file, existing.length > 0 && existing.at(-1) !== 0x0a ? `\n${lines}` : lines);
}

async function writeOld(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, content, { mode: 0o600 });
  await chmod(file, 0o600);
}
