import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry, AuditLog } from './auditEntry';
import { storedAuditEntry, validAuditEntry } from './auditErrors';
import { syncDirectory } from '../storage/syncDirectory';

/** The file's name in DATA_DIR. */
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

/**
 * The audit trail as JSON lines in `{dataDir}/audit.jsonl` (mode 0600), for running without Redis.
 * Appends only, each fsynced before it resolves, one at a time in this process. The service and the
 * operator CLI both append (O_APPEND keeps their lines whole), so nothing ever truncates the file: a write
 * torn by a crash is sealed off by the next append's newline and skipped when read, as is a last line
 * still being written. A complete line that does not match the schema throws.
 */
export class FileAuditLog implements AuditLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async append(entry: AuditEntry): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(validAuditEntry(entry))}\n`);
    const run = this.tail.then(() => this.write(line));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async forRef(ref: string): Promise<AuditEntry[]> {
    return (await this.entries()).filter((e) => e.ref === ref);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    if (!Number.isSafeInteger(limit) || limit <= 0) return [];
    return (await this.entries()).slice(-limit).reverse();
  }

  private async write(line: Buffer): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const handle = await open(this.file(), 'a+', 0o600);
    let created = false;
    try {
      const { size } = await handle.stat();
      created = size === 0;
      let data = line;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        // A torn line left by a crash: end it, so that this entry starts on a line of its own.
        if (last[0] !== 0x0a) data = Buffer.concat([Buffer.from('\n'), line]);
      }
      await handle.appendFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The file may be new: make its directory entry durable too.
    if (created) await syncDirectory(this.dataDir);
  }

  private async entries(): Promise<AuditEntry[]> {
    let content: string;
    try {
      content = await readFile(this.file(), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return parseAuditLines(content, this.file());
  }

  private file(): string {
    return join(this.dataDir, AUDIT_FILE);
  }
}

