import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptAuditEntryError } from '../../src/audit/auditErrors';
import { FileAuditLog } from '../../src/audit/fileAuditLog';
import { describeAuditLogContract, entry } from './auditLogContract';

let root: string;
let dataDir: string;
const file = () => join(dataDir, 'audit.jsonl');

async function makeLog(): Promise<FileAuditLog> {
  root = await mkdtemp(join(tmpdir(), 'clearsight-audit-'));
  dataDir = join(root, 'data');
  return new FileAuditLog(dataDir);
}

async function teardown(): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

describeAuditLogContract('FileAuditLog', makeLog, teardown);

describe('FileAuditLog on disk', () => {
  let log: FileAuditLog;
  beforeEach(async () => {
    log = await makeLog();
  });
  afterEach(teardown);

  it('appends one JSON line per entry to audit.jsonl (0600) in a directory (0700)', async () => {
    await log.append(entry(0));
    await log.append(entry(1));
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(await readFile(file(), 'utf8')).toBe(`${JSON.stringify(entry(0))}\n${JSON.stringify(entry(1))}\n`);
  });

  it('ignores a torn last line, and seals it off so the next entry stands on its own line', async () => {
    await log.append(entry(0));
    await appendFile(file(), JSON.stringify(entry(1)).slice(0, 30));
    expect(await log.recent(5)).toEqual([entry(0)]);
    await log.append(entry(2));
    expect(await log.recent(5)).toEqual([entry(2), entry(0)]);
    expect(await log.forRef('K7PM-3XQ9-RT4W-HN2C')).toEqual([entry(0), entry(2)]);
  });

  it('sees entries another process (the CLI) appended', async () => {
    await log.append(entry(0));
    await new FileAuditLog(dataDir).append(entry(1, { action: 'staff-add', ref: null }));
    expect(await log.recent(5)).toEqual([entry(1, { action: 'staff-add', ref: null }), entry(0)]);
  });

  it('throws CorruptAuditEntryError naming the line for a whole line that does not match the schema', async () => {
    await log.append(entry(0));
    await appendFile(file(), `${JSON.stringify({ ...entry(1), action: 'rewrite' })}\n`);
    await expect(log.recent(5)).rejects.toThrow(new CorruptAuditEntryError(`${file()} line 2: does not match the audit schema (action: invalid_value)`));
  });

  it('never rewrites: appending keeps the existing bytes as they were', async () => {
    await log.append(entry(0));
    const before = await readFile(file());
    await log.append(entry(1));
    expect((await readFile(file())).subarray(0, before.length)).toEqual(before);
  });
});
