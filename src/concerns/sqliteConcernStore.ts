import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { agenciesWith, partFor } from './agencyParts';
import type { Concern } from './concern';
import { indexEntries, indexEntry, scoreRange, type ConcernIndexEntry, type DueAt, type OwedAlert, type OwedAlertQuery, type QueuePage, type QueueQuery } from './concernIndex';
import { parseStoredConcern, ReferenceTakenError, validConcern } from './concernStoreErrors';
import type { SubmitResult } from './concernStore';
import { applyUpdate, closedBefore, type ConcernUpdate } from './concernUpdates';
import { UpdatingConcernStore } from './updatingConcernStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS concerns (
  ref TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL UNIQUE,
  agency TEXT NOT NULL,
  closed INTEGER NOT NULL,
  score INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  urgent_alert_owed INTEGER NOT NULL,
  overdue_alert_at INTEGER,
  doc TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS concerns_received ON concerns (received_ms, ref);
-- The queue and alert indexes moved to concern_parts: nothing reads these, and each write kept them up.
DROP INDEX IF EXISTS concerns_queue;
DROP INDEX IF EXISTS concerns_urgent_alert;
DROP INDEX IF EXISTS concerns_overdue_alert;
CREATE TABLE IF NOT EXISTS concern_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS concern_parts (
  ref TEXT NOT NULL REFERENCES concerns (ref) ON DELETE CASCADE,
  agency TEXT NOT NULL,
  closed INTEGER NOT NULL,
  score INTEGER NOT NULL,
  urgent_alert_owed INTEGER NOT NULL,
  overdue_alert_at INTEGER,
  PRIMARY KEY (ref, agency)
) STRICT;
CREATE INDEX IF NOT EXISTS parts_queue ON concern_parts (agency, closed, score, ref);
CREATE INDEX IF NOT EXISTS parts_urgent_alert ON concern_parts (agency, score) WHERE urgent_alert_owed = 1;
CREATE INDEX IF NOT EXISTS parts_overdue_alert ON concern_parts (agency, overdue_alert_at) WHERE overdue_alert_at IS NOT NULL;
`;

/** Set once the parts table has been filled from the concerns stored before it existed. */
const PARTS_BUILT = 'parts-table';

interface Row {
  ref: string;
  doc: string;
}

/** Where an import came from: the file's name and a hash of its content, so that it is imported once. */
export interface ImportSource {
  name: string;
  sha256: string;
}

/**
 * Concerns in the embedded database: one row per concern (the JSON document, with the routed agency's index
 * columns), and one row in concern_parts per agency that has it (closed, queue score, alerts owed), which the
 * queues and the alert poll read. Every change is one transaction, committed
 * (synchronous=FULL) before its promise resolves. better-sqlite3 is synchronous, so a read-change-write
 * runs without any other turn in between; the operator CLI only reads.
 */
export class SqliteConcernStore extends UpdatingConcernStore {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly dueAt: DueAt,
  ) {
    super();
    if (!db.readonly) db.exec(SCHEMA);
    // A database from before concern_parts, opened read-only (the operator CLI): its concerns each have one
    // agency, and the concerns table's own columns answer the queue.
    const parts = db.readonly && !hasTable(db, 'concern_parts') ? 'concerns' : 'concern_parts';
    this.statements = {
      clearParts: db.prepare<[string]>(`DELETE FROM ${parts} WHERE ref = ?`),
      insertPart: db.prepare(
        `INSERT INTO ${parts} (ref, agency, closed, score, urgent_alert_owed, overdue_alert_at)
         VALUES (@ref, @agency, @closed, @score, @urgentAlertOwed, @overdueAlertAt)`,
      ),
      byRef: db.prepare<[string], Row>('SELECT ref, doc FROM concerns WHERE ref = ?'),
      bySubmission: db.prepare<[string], { ref: string }>('SELECT ref FROM concerns WHERE submission_id = ?'),
      insert: db.prepare(
        `INSERT INTO concerns (ref, submission_id, agency, closed, score, received_ms, urgent_alert_owed, overdue_alert_at, doc)
         VALUES (@ref, @submissionId, @agency, @closed, @score, @receivedMs, @urgentAlertOwed, @overdueAlertAt, @doc)`,
      ),
      update: db.prepare(
        `UPDATE concerns SET agency = @agency, closed = @closed, score = @score, urgent_alert_owed = @urgentAlertOwed,
         overdue_alert_at = @overdueAlertAt, doc = @doc WHERE ref = @ref`,
      ),
      all: db.prepare<[], Row>('SELECT ref, doc FROM concerns ORDER BY received_ms, rowid'),
      page: db.prepare<[string, number, number, number, number, number, string, number], Row & { score: number }>(
        `SELECT p.ref, c.doc, p.score FROM ${parts} p JOIN concerns c ON c.ref = p.ref
         WHERE p.agency = ? AND p.closed = ? AND p.score BETWEEN ? AND ? AND (p.score > ? OR (p.score = ? AND p.ref > ?))
         ORDER BY p.score, p.ref LIMIT ?`,
      ),
      urgentOwed: db.prepare<[string, number], { ref: string }>(
        `SELECT ref FROM ${parts} WHERE agency = ? AND urgent_alert_owed = 1 ORDER BY score LIMIT ?`,
      ),
      overdueOwed: db.prepare<[string, number, number], { ref: string }>(
        `SELECT ref FROM ${parts} WHERE agency = ? AND overdue_alert_at IS NOT NULL AND overdue_alert_at < ? ORDER BY overdue_alert_at LIMIT ?`,
      ),
      closedRows: db.prepare<[], Row>('SELECT ref, doc FROM concerns WHERE closed = 1'),
      remove: db.prepare<[string]>('DELETE FROM concerns WHERE ref = ?'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM concern_meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>('INSERT INTO concern_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    if (!db.readonly) this.buildParts();
  }

  async submit(concern: Concern): Promise<SubmitResult> {
    const valid = validConcern(concern);
    return this.db.transaction(() => this.insert(valid)).immediate();
  }

  async submissionRef(submissionId: string): Promise<string | undefined> {
    return this.statements.bySubmission.get(submissionId)?.ref;
  }

  async get(ref: string): Promise<Concern | undefined> {
    const row = this.statements.byRef.get(ref);
    return row && parse(row);
  }

  async list(filter: { agency?: string } = {}): Promise<Concern[]> {
    const concerns = this.statements.all.all().map(parse);
    const { agency } = filter;
    return agency === undefined ? concerns : concerns.filter((c) => agenciesWith(c).includes(agency));
  }

  async queue(agency: string, query: QueueQuery): Promise<QueuePage> {
    const { min, max } = scoreRange(query.urgent);
    const after = query.after ?? { score: -1, ref: '' };
    const rows = this.statements.page.all(agency, query.closed ? 1 : 0, min, max, after.score, after.score, after.ref, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const concerns = page.map((row) => partFor(parse(row), agency)!);
    return rows.length > query.limit && last ? { concerns, next: { score: last.score, ref: last.ref } } : { concerns };
  }

  async owedAlerts(now: Date, query: OwedAlertQuery): Promise<OwedAlert[]> {
    return query.agencies.flatMap((agency) => [
      ...this.statements.urgentOwed.all(agency, query.limit).map(({ ref }) => ({ kind: 'urgent' as const, ref, agency })),
      ...this.statements.overdueOwed.all(agency, now.getTime(), query.limit).map(({ ref }) => ({ kind: 'overdue' as const, ref, agency })),
    ]);
  }

  async purgeClosedBefore(cutoff: Date): Promise<number> {
    return this.db
      .transaction(() => {
        let purged = 0;
        for (const row of this.statements.closedRows.all()) {
          if (!closedBefore(parse(row), cutoff)) continue;
          this.statements.clearParts.run(row.ref);
          purged += this.statements.remove.run(row.ref).changes;
        }
        return purged;
      })
      .immediate();
  }

  /**
   * Computes the index columns again when the due-time rules changed (`version` names them); nothing
   * when they are already at this version. Returns how many concerns it indexed.
   */
  async migrate(version: string): Promise<number> {
    return this.db
      .transaction(() => {
        if (this.statements.getMeta.get('index-version')?.value === version) return 0;
        let indexed = 0;
        for (const row of this.statements.all.all()) {
          this.write(parse(row));
          indexed++;
        }
        this.statements.setMeta.run('index-version', version);
        return indexed;
      })
      .immediate();
  }

  /**
   * Imports concerns read from an older store (the JSON-lines log), once per source: a source already
   * imported imports nothing, and a concern already here (same reference or submission) is left as it is.
   * All or nothing, in one transaction with the record of the import. Returns how many were added.
   */
  importOnce(source: ImportSource, concerns: readonly Concern[]): number {
    const key = importKey(source);
    return this.db
      .transaction(() => {
        if (this.statements.getMeta.get(key)?.value === source.sha256) return 0;
        let added = 0;
        for (const concern of concerns) {
          if (this.statements.byRef.get(concern.ref) || this.statements.bySubmission.get(concern.submissionId)) continue;
          this.insert(validConcern(concern));
          added++;
        }
        this.statements.setMeta.run(key, source.sha256);
        return added;
      })
      .immediate();
  }

  /** True when this source, with this content, was imported already. */
  hasImported(source: ImportSource): boolean {
    return this.statements.getMeta.get(importKey(source))?.value === source.sha256;
  }

  protected async update(ref: string, change: (concern: Concern) => ConcernUpdate): Promise<Concern | undefined> {
    return this.db
      .transaction(() => {
        const row = this.statements.byRef.get(ref);
        if (!row) return undefined;
        const current = parse(row);
        const next = applyUpdate(current, change(current));
        if (!next || next === current) return next;
        this.write(next);
        return next;
      })
      .immediate();
  }

  private insert(concern: Concern): SubmitResult {
    const stored = this.statements.bySubmission.get(concern.submissionId);
    if (stored) return { ref: stored.ref, duplicate: true };
    if (this.statements.byRef.get(concern.ref)) throw new ReferenceTakenError('reference already stored');
    this.statements.insert.run({ ...this.columns(concern), submissionId: concern.submissionId, receivedMs: Date.parse(concern.receivedAt) });
    this.writeParts(concern);
    return { ref: concern.ref, duplicate: false };
  }

  private write(concern: Concern): void {
    this.statements.update.run(this.columns(concern));
    this.writeParts(concern);
  }

  /** The concern's rows in concern_parts: one per agency that has it. */
  private writeParts(concern: Concern): void {
    this.statements.clearParts.run(concern.ref);
    for (const entry of indexEntries(concern, this.dueAt)) this.statements.insertPart.run(entryColumns(concern.ref, entry));
  }

  /** Fills concern_parts from the concerns stored before it existed, once. */
  private buildParts(): void {
    this.db
      .transaction(() => {
        if (this.statements.getMeta.get(PARTS_BUILT)) return;
        for (const row of this.statements.all.all()) this.writeParts(parse(row));
        this.statements.setMeta.run(PARTS_BUILT, new Date().toISOString());
      })
      .immediate();
  }

  private columns(concern: Concern) {
    const entry = indexEntry(partFor(concern, concern.agency)!, this.dueAt);
    return { ...entryColumns(concern.ref, entry), doc: JSON.stringify(concern) };
  }
}

/** An index entry as the columns a row of concerns or concern_parts holds it in. */
function entryColumns(ref: string, entry: ConcernIndexEntry) {
  return {
    ref,
    agency: entry.agency,
    closed: entry.closed ? 1 : 0,
    score: entry.score,
    urgentAlertOwed: entry.urgentAlertOwed ? 1 : 0,
    overdueAlertAt: entry.overdueAlertAt,
  };
}

function hasTable(db: SqliteDatabase, name: string): boolean {
  return db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function importKey(source: ImportSource): string {
  return `import:${source.name}`;
}

function parse(row: Row): Concern {
  return parseStoredConcern(row.doc, `concern ${row.ref}`);
}
