import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importAuditFile } from '../../src/audit/importAuditFile';
import { SqliteAuditLog } from '../../src/audit/sqliteAuditLog';
import type { SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { appendOldAuditFile } from '../helpers/oldFiles';
import { useSqliteFixture } from '../helpers/sqlite';
import { entry } from './auditLogContract';

const sqlite = useSqliteFixture();
let db: SqliteDatabase;
const auditFile = () => join(sqlite.dataDir, 'audit.jsonl');

beforeEach(() => {
  db = sqlite.open();
});
afterEach(() => sqlite.teardown());

const ENTRIES = [entry(0, { action: 'claim' }), entry(1, { ref: null, action: 'sign-in' }), entry(2, { ref: 'AAAA-BBBB-CCCC-DDDD', detail: { outcome: 'referred' } })];

const writeOldFile = (entries = ENTRIES) => appendOldAuditFile(sqlite.dataDir, entries);

describe('importAuditFile', () => {
  it('imports an audit.jsonl an earlier version wrote, once, leaving the file as it was', async () => {
    await writeOldFile();
    const before = await readFile(auditFile());

    expect(await importAuditFile(db, sqlite.dataDir)).toBe(3);
    const log = new SqliteAuditLog(db);
    expect(await log.recent(10)).toEqual([...ENTRIES].reverse());
    expect(await log.forRef('K7PM-3XQ9-RT4W-HN2C')).toEqual([ENTRIES[0]]);

    expect(await importAuditFile(db, sqlite.dataDir)).toBe(0);
    expect(await log.recent(10)).toHaveLength(3);
    expect(await readFile(auditFile())).toEqual(before);
    // Another process starting later (the CLI) finds it done too.
    expect(await importAuditFile(sqlite.reopen(), sqlite.dataDir)).toBe(0);
  });

  it('imports nothing, and says 0, when there is no audit.jsonl', async () => {
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(0);
    expect(await new SqliteAuditLog(db).recent(10)).toEqual([]);
  });

  it('leaves out a torn last line, as the old file log did', async () => {
    await writeOldFile(ENTRIES.slice(0, 2));
    await appendFile(auditFile(), JSON.stringify(ENTRIES[2]).slice(0, 30));
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(2);
    expect(await new SqliteAuditLog(db).recent(10)).toEqual([ENTRIES[1], ENTRIES[0]]);
  });

  it('imports only the lines added when the file has grown since (an older CLI appended), each once', async () => {
    await writeOldFile(ENTRIES.slice(0, 2));
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(2);
    await writeOldFile(ENTRIES.slice(2));
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(1);
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(0);
    expect(await new SqliteAuditLog(db).recent(10)).toEqual([...ENTRIES].reverse());
  });

  it('throws for a bad line, naming the file and the line and not the content, and imports nothing', async () => {
    await writeOldFile(ENTRIES.slice(0, 1));
    await appendFile(auditFile(), `${JSON.stringify({ ...entry(1), detail: { note: 'Zebra secret' }, extra: 'Zebra' })}\n`);
    const failure = importAuditFile(db, sqlite.dataDir);
    await expect(failure).rejects.toThrow(`${auditFile()} line 2: does not match the audit schema ((root): unrecognized_keys)`);
    await expect(failure).rejects.not.toThrow(/Zebra/);
    expect(await new SqliteAuditLog(db).recent(10)).toEqual([]);

    // Nothing was recorded as imported: once the file is put right, all of it is imported.
    await writeFile(auditFile(), `${JSON.stringify(ENTRIES[0])}\n`);
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(1);
  });

  it('names the line counted from the start of the file when the bad line was added after an import', async () => {
    await writeOldFile(ENTRIES.slice(0, 2));
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(2);
    await appendFile(auditFile(), `${JSON.stringify({ ...entry(3), action: 'rewrite' })}\n`);
    await expect(importAuditFile(db, sqlite.dataDir)).rejects.toThrow(`${auditFile()} line 3: does not match the audit schema (action: invalid_value)`);
  });

  it('throws, naming the file, when it was changed other than by appending since it was imported', async () => {
    await writeOldFile();
    expect(await importAuditFile(db, sqlite.dataDir)).toBe(3);
    await writeFile(auditFile(), `${JSON.stringify(ENTRIES[1])}\n${JSON.stringify(ENTRIES[2])}\n${JSON.stringify(ENTRIES[0])}\n`);
    await expect(importAuditFile(db, sqlite.dataDir)).rejects.toThrow(`${auditFile()} has changed other than by appending since it was imported; nothing imported`);
    expect(await new SqliteAuditLog(db).recent(10)).toHaveLength(3);
  });
});
