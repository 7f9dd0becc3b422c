import type { RedisClient } from '../storage/redisClient';
import { agenciesWith, partFor } from './agencyParts';
import type { Concern } from './concern';
import { indexEntries, isAfter, scoreRange, type ConcernIndexEntry, type DueAt, type OwedAlert, type OwedAlertQuery, type QueuePage, type QueueQuery } from './concernIndex';
import { PURGE, REINDEX, SUBMIT, UPDATE } from './concernScripts';
import { parseStoredConcern, ReferenceTakenError, validConcern } from './concernStoreErrors';
import type { SubmitResult } from './concernStore';
import { UpdatingConcernStore } from './updatingConcernStore';
import { applyUpdate, closedBefore, type ConcernUpdate } from './concernUpdates';

/** How many times an update re-reads a concern that another writer changed under it before giving up. */
const MAX_UPDATE_ATTEMPTS = 100;
const MGET_CHUNK = 200;

/** Raised when an update kept losing to concurrent writers; nothing was written. */
export class ConcernBusyError extends Error {
  override readonly name = 'ConcernBusyError';
}

/**
 * Concerns in Redis, under a key prefix:
 * - `concern:{ref}`             the concern, as JSON
 * - `queue:{agency}:open`       sorted set of the agency's concerns (its parts) that are not closed, in queue order
 * - `queue:{agency}:closed`     the same for its closed ones (score: see concernIndex.queueScore)
 * - `alerts:{agency}:urgent`    sorted set of the agency's refs owed an urgent alert, in queue order
 * - `alerts:{agency}:overdue`   sorted set of the agency's refs owed an overdue alert, by when it falls due
 * - `submission:{id}`           → ref, so that a retried submit stores nothing new
 * - `concerns`                  sorted set of refs by receivedAt (ms), for list() and the retention sweep
 * - `index:version`             which due-time rules the alert index was built with
 * Every script writes the document and its index entries together (atomic). Updates are compare-and-set
 * scripts retried on conflict, with the change computed and validated here (Redis 7.0's cjson would turn
 * [] into {} and round numbers). Every method rejects unless Redis acknowledged (no offline queue).
 */
export class RedisConcernStore extends UpdatingConcernStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly dueAt: DueAt,
  ) {
    super();
  }

  async submit(concern: Concern): Promise<SubmitResult> {
    const valid = validConcern(concern);
    const entries = indexEntries(valid, this.dueAt);
    const keys = [
      this.key(`submission:${valid.submissionId}`),
      this.concernKey(valid.ref),
      this.key('concerns'),
      ...entries.flatMap((e) => this.indexKeys(e)),
    ];
    const args = [valid.ref, JSON.stringify(valid), String(Date.parse(valid.receivedAt)), ...entries.flatMap(entryArgs)];
    let reply: unknown;
    try {
      reply = await SUBMIT.run(this.client, keys, args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('REF_TAKEN')) throw new ReferenceTakenError('reference already stored');
      throw err;
    }
    const [ref, duplicate] = Array.isArray(reply) ? reply : [];
    if (typeof ref !== 'string') throw new Error('unexpected reply from the submit script');
    return { ref, duplicate: Number(duplicate) === 1 };
  }

  async queue(agency: string, query: QueueQuery): Promise<QueuePage> {
    const key = this.queueKey({ agency, closed: query.closed });
    const { min, max } = scoreRange(query.urgent);
    const from = query.after ? Math.max(min, query.after.score) : min;
    // Entries tied with the cursor's score and at or before its ref are skipped: read past them.
    const refs: { ref: string; score: number }[] = [];
    let more = false;
    for (let offset = 0; ; ) {
      const want = query.limit + 1 - refs.length;
      const batch = await this.client.zRangeWithScores(key, from, max, { BY: 'SCORE', LIMIT: { offset, count: want } });
      offset += batch.length;
      for (const { value, score } of batch) if (isAfter(score, value, query.after)) refs.push({ ref: value, score });
      if (refs.length > query.limit) {
        more = true;
        break;
      }
      if (batch.length < want) break;
    }
    const page = refs.slice(0, query.limit);
    const docs = page.length === 0 ? [] : await this.client.mGet(page.map((r) => this.concernKey(r.ref)));
    const concerns: Concern[] = [];
    docs.forEach((raw, i) => {
      if (raw === null) return; // purged since the index was read
      // Moved since the index was read (transferred, closed): it shows where it is now.
      const part = partFor(parseStoredConcern(raw, this.concernKey(page[i]!.ref)), agency);
      if (part && (part.status === 'closed') === query.closed) concerns.push(part);
    });
    const last = page.at(-1);
    return more && last ? { concerns, next: { score: last.score, ref: last.ref } } : { concerns };
  }

  async owedAlerts(now: Date, query: OwedAlertQuery): Promise<OwedAlert[]> {
    const limit = { LIMIT: { offset: 0, count: query.limit } };
    const perAgency = await Promise.all(
      query.agencies.map(async (agency) => {
        const [urgent, overdue] = await Promise.all([
          this.client.zRange(this.alertKey(agency, 'urgent'), 0, '+inf', { BY: 'SCORE', ...limit }),
          this.client.zRange(this.alertKey(agency, 'overdue'), '-inf', `(${now.getTime()}`, { BY: 'SCORE', ...limit }),
        ]);
        return [...urgent.map((ref) => ({ kind: 'urgent' as const, ref, agency })), ...overdue.map((ref) => ({ kind: 'overdue' as const, ref, agency }))];
      }),
    );
    return perAgency.flat();
  }

  /**
   * Builds the indexes for concerns stored before they existed (or rebuilt after the due-time rules
   * changed: `version` names the rules), and deletes the old per-agency streams. Idempotent; returns how
   * many concerns it indexed (0 when the indexes are already at this version).
   */
  async migrate(version: string): Promise<number> {
    const versionKey = this.key('index:version');
    if ((await this.client.get(versionKey)) === version) return 0;
    let indexed = 0;
    for (const ref of await this.client.zRange(this.key('concerns'), 0, -1)) {
      const stored = await this.read(ref);
      if (!stored) continue;
      const entries = indexEntries(stored.concern, this.dueAt);
      const clear = this.everyIndexKey(stored.concern);
      const keys = [this.concernKey(ref), this.key(`streamids:${ref}`), ...clear, ...entries.flatMap((e) => this.indexKeys(e))];
      if ((await REINDEX.run(this.client, keys, [stored.raw, ref, String(clear.length), ...entries.flatMap(entryArgs)])) === 1) indexed++;
    }
    // The streams were written and never read: what they held is in the documents and the indexes now.
    for await (const batch of this.client.scanIterator({ MATCH: `${escapeGlob(this.prefix)}queue:*`, TYPE: 'stream', COUNT: 1000 })) {
      if (batch.length > 0) await this.client.del(batch);
    }
    await this.client.set(versionKey, version);
    return indexed;
  }

  async submissionRef(submissionId: string): Promise<string | undefined> {
    return (await this.client.get(this.key(`submission:${submissionId}`))) ?? undefined;
  }

  async get(ref: string): Promise<Concern | undefined> {
    return (await this.read(ref))?.concern;
  }

  async list(filter: { agency?: string } = {}): Promise<Concern[]> {
    const refs = await this.client.zRange(this.key('concerns'), 0, -1);
    const concerns: Concern[] = [];
    for (let i = 0; i < refs.length; i += MGET_CHUNK) {
      const chunk = refs.slice(i, i + MGET_CHUNK);
      const docs = await this.client.mGet(chunk.map((ref) => this.concernKey(ref)));
      docs.forEach((raw, j) => {
        // A concern purged between ZRANGE and MGET: gone, not corrupt.
        if (raw !== null) concerns.push(parseStoredConcern(raw, this.concernKey(chunk[j] ?? '')));
      });
    }
    const { agency } = filter;
    return agency === undefined ? concerns : concerns.filter((c) => agenciesWith(c).includes(agency));
  }

  async purgeClosedBefore(cutoff: Date): Promise<number> {
    let purged = 0;
    for (const ref of await this.client.zRange(this.key('concerns'), 0, -1)) {
      const stored = await this.read(ref);
      if (!stored || !closedBefore(stored.concern, cutoff)) continue;
      const { concern, raw } = stored;
      const keys = [this.concernKey(ref), this.key(`submission:${concern.submissionId}`), this.key('concerns'), ...this.everyIndexKey(concern)];
      // 0: changed since read (reopened, say): left for the next purge to judge.
      if ((await PURGE.run(this.client, keys, [raw, ref])) === 1) purged++;
    }
    return purged;
  }

  /**
   * Read, change, compare-and-set; again from the top if another writer got in between. Resolves to the
   * concern as stored, or undefined when there is no such concern or the change does not apply.
   */
  protected async update(ref: string, change: (concern: Concern) => ConcernUpdate): Promise<Concern | undefined> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const stored = await this.read(ref);
      if (!stored) return undefined;
      const update = change(stored.concern);
      const next = applyUpdate(stored.concern, update);
      if (!next || next === stored.concern) return next;
      const before = indexEntries(stored.concern, this.dueAt).flatMap((e) => this.indexKeys(e));
      const after = indexEntries(next, this.dueAt);
      const keys = [this.concernKey(ref), ...before, ...after.flatMap((e) => this.indexKeys(e))];
      const args = [stored.raw, JSON.stringify(next), ref, String(before.length), ...after.flatMap(entryArgs)];
      const written = await UPDATE.run(this.client, keys, args);
      if (written === 1) return next;
      if (written === -1) return undefined;
    }
    throw new ConcernBusyError('concern kept changing under the update; nothing written');
  }

  private async read(ref: string): Promise<{ concern: Concern; raw: string } | undefined> {
    const key = this.concernKey(ref);
    const raw = await this.client.get(key);
    return raw === null ? undefined : { concern: parseStoredConcern(raw, key), raw };
  }

  private concernKey(ref: string): string {
    return this.key(`concern:${ref}`);
  }

  private queueKey(entry: Pick<ConcernIndexEntry, 'agency' | 'closed'>): string {
    return this.key(`queue:${entry.agency}:${entry.closed ? 'closed' : 'open'}`);
  }

  private alertKey(agency: string, kind: OwedAlert['kind']): string {
    return this.key(`alerts:${agency}:${kind}`);
  }

  /** The queue and the two alert indexes an entry belongs in. */
  private indexKeys(entry: ConcernIndexEntry): [string, string, string] {
    return [this.queueKey(entry), this.alertKey(entry.agency, 'urgent'), this.alertKey(entry.agency, 'overdue')];
  }

  /** Every index key any agency that has the concern could hold it in (both queues and both alert indexes). */
  private everyIndexKey(concern: Concern): string[] {
    return agenciesWith(concern).flatMap((agency) => [
      this.queueKey({ agency, closed: false }),
      this.queueKey({ agency, closed: true }),
      this.alertKey(agency, 'urgent'),
      this.alertKey(agency, 'overdue'),
    ]);
  }

  private key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }
}

/** The script arguments an index entry becomes: queue score, urgent alert owed, overdue at. */
function entryArgs(entry: ConcernIndexEntry): [string, string, string] {
  return [String(entry.score), entry.urgentAlertOwed ? '1' : '0', entry.overdueAlertAt === null ? '' : String(entry.overdueAlertAt)];
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
