import type { AuditEntry } from '../../src/audit/auditEntry';
import { CorruptAuditEntryError } from '../../src/audit/auditErrors';
import { SqliteAuditLog } from '../../src/audit/sqliteAuditLog';
import { DATABASE_FILE, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { useSqliteFixture } from '../helpers/sqlite';
import { describeAuditLogContract, entry } from './auditLogContract';

const sqlite = useSqliteFixture();
let db: SqliteDatabase;

async function makeLog(): Promise<SqliteAuditLog> {
  db = sqlite.open();
  return new SqliteAuditLog(db);
}

const teardown = () => sqlite.teardown();

describeAuditLogContract('SqliteAuditLog', makeLog, teardown);

describe('SqliteAuditLog on disk', () => {
  let log: SqliteAuditLog;
  beforeEach(async () => {
    log = await makeLog();
  });
  afterEach(teardown);

  it('keeps entries across a restart, in a file of mode 0600', async () => {
    await log.append(entry(0));
    await log.append(entry(1, { ref: null, action: 'sign-out' }));
    expect(sqlite.modes()[DATABASE_FILE]).toBe(0o600);
    await sqlite.teardown();
    const restarted = new SqliteAuditLog(sqlite.reopen());
    expect(await restarted.recent(5)).toEqual([entry(1, { ref: null, action: 'sign-out' }), entry(0)]);
    expect(await restarted.forRef('K7PM-3XQ9-RT4W-HN2C')).toEqual([entry(0)]);
  });

  it('sees entries another connection (the CLI) appended', async () => {
    await log.append(entry(0));
    await new SqliteAuditLog(sqlite.reopen()).append(entry(1, { action: 'staff-add', ref: null }));
    expect(await log.recent(5)).toEqual([entry(1, { action: 'staff-add', ref: null }), entry(0)]);
  });

  it('refuses to change or delete an entry, whoever asks', async () => {
    await log.append(entry(0));
    expect(() => db.prepare('UPDATE audit SET entry = ?').run('{}')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(await log.recent(5)).toEqual([entry(0)]);
  });

  it('finds a concern\'s entries by the ref index, not by reading every entry', () => {
    const plan = db.prepare<[string], { detail: string }>('EXPLAIN QUERY PLAN SELECT seq, entry FROM audit WHERE ref = ? ORDER BY seq').all('K7PM-3XQ9-RT4W-HN2C');
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX audit_by_ref/);
  });

  it('appends a batch all or none: one bad entry and nothing is written', async () => {
    const bad = { ...entry(1), action: 'rewrite' } as unknown as AuditEntry;
    expect(() => log.appendAll([entry(0), bad])).toThrow(/action/);
    log.appendAll([entry(0), entry(1)]);
    expect(await log.recent(5)).toEqual([entry(1), entry(0)]);
  });

  it('throws CorruptAuditEntryError naming the row, not the content, for a stored entry that does not match', async () => {
    db.prepare('INSERT INTO audit (ref, entry) VALUES (?, ?)').run('K7PM-3XQ9-RT4W-HN2C', JSON.stringify({ ...entry(0), detail: { note: 'Zebra secret' }, extra: 1 }));
    await expect(log.forRef('K7PM-3XQ9-RT4W-HN2C')).rejects.toThrow(new CorruptAuditEntryError('audit table, seq 1: does not match the audit schema ((root): unrecognized_keys)'));
    await expect(log.recent(1)).rejects.toBeInstanceOf(CorruptAuditEntryError);
  });
});
