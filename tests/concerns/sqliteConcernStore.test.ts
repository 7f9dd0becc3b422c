import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptConcernError } from '../../src/concerns/concernStoreErrors';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { sampleConcern, testDueAt } from '../helpers/concerns';
import { describeConcernStoreContract } from './concernStoreContract';

let dataDir: string;
let db: SqliteDatabase;

function makeStore(): SqliteConcernStore {
  dataDir = join(mkdtempSync(join(tmpdir(), 'clearsight-sqlite-concerns-')), 'data');
  db = openDatabase(dataDir);
  return new SqliteConcernStore(db, testDueAt);
}

function teardown(): void {
  if (db.open) db.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
}

describeConcernStoreContract('SqliteConcernStore', async () => ({ store: makeStore() }), async () => teardown());

describe('SqliteConcernStore specifics', () => {
  let store: SqliteConcernStore;
  beforeEach(() => {
    store = makeStore();
  });
  afterEach(teardown);

  it('keeps concerns in one database file that only the service user can read, and they survive a restart', async () => {
    const concern = sampleConcern({ urgent: true, urgentReasons: ['safety-check'] });
    await store.submit(concern);
    await store.addInformation(concern.ref, 'later', new Date());
    db.close();
    expect(statSync(join(dataDir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    db = openDatabase(dataDir);
    const reopened = new SqliteConcernStore(db, testDueAt);
    expect((await reopened.get(concern.ref))?.additions.map((a) => a.text)).toEqual(['later']);
    expect((await reopened.queue(concern.agency, { closed: false, limit: 5 })).concerns.map((c) => c.ref)).toEqual([concern.ref]);
    expect((await reopened.owedAlerts(new Date(), { agencies: [concern.agency], limit: 5 })).map((a) => a.ref)).toEqual([concern.ref]);
    expect(await reopened.submit(concern)).toEqual({ ref: concern.ref, duplicate: true });
  });

  it('reads a queue page and the owed alerts through indexes, not by scanning the table', () => {
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    // The store's own queries, on concern_parts (one row per agency that has a concern).
    expect(plan("SELECT ref FROM concern_parts WHERE agency = 'a' AND closed = 0 AND score BETWEEN 0 AND 9 AND (score > 0 OR (score = 0 AND ref > '')) ORDER BY score, ref LIMIT 5")).toMatch(
      /USING (COVERING )?INDEX parts_queue/,
    );
    expect(plan("SELECT ref FROM concern_parts WHERE agency = 'a' AND urgent_alert_owed = 1 ORDER BY score LIMIT 5")).toMatch(/USING (COVERING )?INDEX parts_urgent_alert/);
    expect(plan("SELECT ref FROM concern_parts WHERE agency = 'a' AND overdue_alert_at IS NOT NULL AND overdue_alert_at < 5 ORDER BY overdue_alert_at LIMIT 5")).toMatch(
      /USING (COVERING )?INDEX parts_overdue_alert/,
    );
    expect(plan("SELECT ref FROM concern_parts WHERE agency = 'a' AND urgent_alert_owed = 1 ORDER BY score LIMIT 5")).not.toMatch(/TEMP B-TREE/);
  });

  it('imports an older store’s concerns once, leaving any already here as they are', async () => {
    const here = sampleConcern();
    await store.submit(here);
    await store.addInformation(here.ref, 'added here', new Date());
    const old = [sampleConcern({ receivedAt: '2025-03-01T09:00:00.000Z' }), { ...here, additions: [] }];
    const source = { name: 'concerns.jsonl', sha256: 'a'.repeat(64) };
    expect(store.importOnce(source, old)).toBe(1);
    expect(store.importOnce(source, old)).toBe(0);
    expect((await store.list()).map((c) => c.ref)).toEqual([old[0]!.ref, here.ref]);
    expect((await store.get(here.ref))?.additions.map((a) => a.text)).toEqual(['added here']);
    // The file changed since (a service that went on writing it): imported again, still no duplicates.
    const added = sampleConcern();
    expect(store.importOnce({ ...source, sha256: 'b'.repeat(64) }, [...old, added])).toBe(1);
    expect(await store.list()).toHaveLength(3);
  });

  it('imports all or nothing: one invalid concern imports none and records no import', async () => {
    const good = sampleConcern();
    const source = { name: 'concerns.jsonl', sha256: 'c'.repeat(64) };
    expect(() => store.importOnce(source, [good, { ...sampleConcern(), agency: '' }])).toThrow(/agency/);
    expect(await store.list()).toEqual([]);
    expect(store.importOnce(source, [good])).toBe(1);
  });

  it('computes the due index again only when the due rules change', async () => {
    const concern = sampleConcern({ receivedAt: '2025-03-01T09:00:00.000Z' });
    await store.submit(concern);
    expect(await store.migrate('rules-1')).toBe(1);
    expect(await store.migrate('rules-1')).toBe(0);
    const sooner = new SqliteConcernStore(db, (c) => new Date(Date.parse(c.receivedAt) + 1000));
    expect(await sooner.owedAlerts(new Date('2025-03-01T09:00:02.000Z'), { agencies: [concern.agency], limit: 5 })).toEqual([]);
    expect(await sooner.migrate('rules-2')).toBe(1);
    expect(await sooner.owedAlerts(new Date('2025-03-01T09:00:02.000Z'), { agencies: [concern.agency], limit: 5 })).toEqual([{ kind: 'overdue', ref: concern.ref, agency: concern.agency }]);
  });

  it('throws on a corrupt document without quoting it, and refuses changes to it', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    db.prepare('UPDATE concerns SET doc = ? WHERE ref = ?').run('{"ref":"secret words here"', concern.ref);
    const err = await store.get(concern.ref).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptConcernError);
    expect((err as Error).message).not.toMatch(/secret/);
    await expect(store.addInformation(concern.ref, 'x', new Date())).rejects.toThrow(CorruptConcernError);
  });

  it('rejects every call once the database is closed', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    db.close();
    await expect(store.submit(sampleConcern())).rejects.toThrow(/not open/);
    await expect(store.get(concern.ref)).rejects.toThrow(/not open/);
    await expect(store.addInformation(concern.ref, 'x', new Date())).rejects.toThrow(/not open/);
  });
});
