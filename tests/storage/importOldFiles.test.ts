import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLine, type LogLine } from '../../src/concerns/concernLog';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { CONCERN_LOG, importOldFiles } from '../../src/storage/importOldFiles';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { sampleConcern, testDueAt } from '../helpers/concerns';

let root: string;
let dataDir: string;
let db: SqliteDatabase;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'clearsight-import-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
});
afterEach(() => {
  if (db?.open) db.close();
  rmSync(root, { recursive: true, force: true });
});

function writeLog(lines: (LogLine | string)[]): void {
  const text = lines.map((l) => (typeof l === 'string' ? `${l}\n` : encodeLine(l).toString('utf8'))).join('');
  writeFileSync(join(dataDir, CONCERN_LOG), text, { mode: 0o600 });
}

function open(): { db: SqliteDatabase; concerns: SqliteConcernStore } {
  db = openDatabase(dataDir);
  return { db, concerns: new SqliteConcernStore(db, testDueAt) };
}

describe('importOldFiles (the JSON-lines files the embedded default kept before its database)', () => {
  it('imports the concern log as replayed, once, and leaves the file where it is', async () => {
    const first = sampleConcern({ receivedAt: '2025-03-01T09:00:00.000Z' });
    const second = sampleConcern({ receivedAt: '2025-03-02T09:00:00.000Z', agency: 'south-yorkshire-police' });
    writeLog([
      { op: 'submit', concern: first },
      { op: 'submit', concern: second },
      { op: 'addition', ref: first.ref, text: 'he was back today', at: '2025-03-01T10:00:00.000Z' },
      { op: 'status', ref: second.ref, status: 'closed', at: '2025-03-03T10:00:00.000Z' },
      // A transfer as versions with per-agency streams wrote it, with the event its new queue heard.
      JSON.stringify({ op: 'triage', ref: first.ref, at: '2025-03-01T11:00:00.000Z', triage: first.triage, status: 'passed-on', agency: 'rotherham-mash', event: 'transfer' }),
    ]);
    const before = readFileSync(join(dataDir, CONCERN_LOG));
    const stores = open();
    expect(await importOldFiles(dataDir, stores)).toEqual({ concerns: 2, staff: 0, audit: 0, skippedLines: 0 });
    expect((await stores.concerns.get(first.ref))?.additions.map((a) => a.text)).toEqual(['he was back today']);
    expect((await stores.concerns.queue('rotherham-mash', { closed: false, limit: 5 })).concerns.map((c) => c.ref)).toEqual([first.ref]);
    expect((await stores.concerns.queue(second.agency, { closed: true, limit: 5 })).concerns.map((c) => c.ref)).toEqual([second.ref]);
    // A restart: nothing imported again, nothing duplicated.
    db.close();
    const again = open();
    expect(await importOldFiles(dataDir, again)).toEqual({ concerns: 0, staff: 0, audit: 0, skippedLines: 0 });
    expect(await again.concerns.list()).toHaveLength(2);
    expect(readFileSync(join(dataDir, CONCERN_LOG))).toEqual(before);
  });

  it('loses only the bad line of a log with one complete but bad line (which used to stop the service)', async () => {
    const kept = sampleConcern();
    const alsoKept = sampleConcern();
    writeLog([
      { op: 'submit', concern: kept },
      '{"op":"submit","concern":{"ref":"secret words"}}',
      { op: 'addition', ref: 'NO00-SUCH-REF0-0000', text: 'to nothing', at: '2025-03-01T10:00:00.000Z' },
      { op: 'submit', concern: alsoKept },
    ]);
    const stores = open();
    expect(await importOldFiles(dataDir, stores)).toEqual({ concerns: 2, staff: 0, audit: 0, skippedLines: 2 });
    expect((await stores.concerns.list()).map((c) => c.ref).sort()).toEqual([kept.ref, alsoKept.ref].sort());
  });

  it('cuts a torn last line (a crash mid-write) without counting it', async () => {
    const kept = sampleConcern();
    writeLog([{ op: 'submit', concern: kept }]);
    writeFileSync(join(dataDir, CONCERN_LOG), '{"op":"submit","conc', { flag: 'a' });
    const stores = open();
    expect(await importOldFiles(dataDir, stores)).toMatchObject({ concerns: 1, skippedLines: 0 });
  });

  it('imports nothing when there are no old files', async () => {
    const stores = open();
    expect(await importOldFiles(dataDir, stores)).toEqual({ concerns: 0, staff: 0, audit: 0, skippedLines: 0 });
  });
});
