import type { AuditEntry } from './auditEntry';
import { storedAuditEntry } from './auditErrors';

/**
 * The audit file earlier versions of the embedded default appended to in DATA_DIR, before it had a
 * database: one JSON entry per line, each line ended by a newline. Nothing writes it now; it is read once
 * at start-up to import it (see importAuditFile.ts).
 */
export const AUDIT_FILE = 'audit.jsonl';

/**
 * The entries in the complete lines of an audit file's content (everything after the last newline is a
 * line not yet, or never, finished). A line that is not JSON (empty, or a write a crash cut short) is
 * skipped; a JSON line that does not match the schema throws CorruptAuditEntryError naming `file` and
 * the line, counted from `firstLine`.
 */
export function parseAuditLines(content: string, file: string, firstLine = 1): AuditEntry[] {
  const lines = content.split('\n').slice(0, -1);
  const entries: AuditEntry[] = [];
  lines.forEach((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return;
    }
    entries.push(storedAuditEntry(json, `${file} line ${firstLine + i}`));
  });
  return entries;
}
