import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptAuditEntryError } from '../../src/audit/auditErrors';
import { AUDIT_FILE, parseAuditLines } from '../../src/audit/auditFile';
import { appendOldAuditFile } from '../helpers/oldFiles';
import { entry } from './auditLogContract';

let root: string;
let dataDir: string;
const file = () => join(dataDir, AUDIT_FILE);
const parseFile = async () => parseAuditLines(await readFile(file(), 'utf8'), file());

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'clearsight-audit-file-'));
  dataDir = join(root, 'data');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('parseAuditLines', () => {
  it('reads an audit.jsonl as earlier versions wrote it: one JSON line per entry (0600, in a 0700 directory)', async () => {
    await appendOldAuditFile(dataDir, [entry(0)]);
    await appendOldAuditFile(dataDir, [entry(1, { action: 'staff-add', ref: null })]);
    expect(await readFile(file(), 'utf8')).toBe(`${JSON.stringify(entry(0))}\n${JSON.stringify(entry(1, { action: 'staff-add', ref: null }))}\n`);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(await parseFile()).toEqual([entry(0), entry(1, { action: 'staff-add', ref: null })]);
  });

  it('ignores a torn last line, and a torn line the next entry sealed off on a line of its own', async () => {
    await appendOldAuditFile(dataDir, [entry(0)]);
    await appendFile(file(), JSON.stringify(entry(1)).slice(0, 30));
    expect(await parseFile()).toEqual([entry(0)]);
    await appendOldAuditFile(dataDir, [entry(2)]);
    expect(await parseFile()).toEqual([entry(0), entry(2)]);
  });

  it('skips empty lines', () => {
    expect(parseAuditLines(`\n${JSON.stringify(entry(0))}\n\n`, 'audit.jsonl')).toEqual([entry(0)]);
  });

  it('throws CorruptAuditEntryError naming the line, not its content, for a whole line that does not match the schema', async () => {
    await appendOldAuditFile(dataDir, [entry(0)]);
    await appendFile(file(), `${JSON.stringify({ ...entry(1), action: 'rewrite', detail: { note: 'Zebra' } })}\n`);
    await expect(parseFile()).rejects.toThrow(new CorruptAuditEntryError(`${file()} line 2: does not match the audit schema (action: invalid_value)`));
    await expect(parseFile()).rejects.not.toThrow(/Zebra|rewrite/);
  });

  it('counts lines from firstLine, for content that starts partway through the file', () => {
    const bad = `${JSON.stringify({ ...entry(1), extra: 1 })}\n`;
    expect(() => parseAuditLines(`${JSON.stringify(entry(0))}\n${bad}`, 'audit.jsonl', 7)).toThrow(
      new CorruptAuditEntryError('audit.jsonl line 8: does not match the audit schema ((root): unrecognized_keys)'),
    );
  });
});
