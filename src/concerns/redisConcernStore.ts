import type { RedisClient } from '../storage/redisClient';
import type { Concern } from './concern';
import { PURGE, SUBMIT, UPDATE } from './concernScripts';
import { parseStoredConcern, ReferenceTakenError, validConcern } from './concernStoreErrors';
import type { SubmitResult } from './concernStore';
import { UpdatingConcernStore } from './updatingConcernStore';
import { applyUpdate, closedBefore, queueEvent, type ConcernUpdate } from './concernUpdates';

/** The consumer group duty staff's triage reads each agency's queue through. */
export const TRIAGE_GROUP = 'triage';

/** How many times an update re-reads a concern that another writer changed under it before giving up. */
const MAX_UPDATE_ATTEMPTS = 100;
const MGET_CHUNK = 200;

/** Raised when an update kept losing to concurrent writers; nothing was written. */
export class ConcernBusyError extends Error {
  override readonly name = 'ConcernBusyError';
}

/**
 * Concerns in Redis, under a key prefix:
 * - `concern:{ref}`        the concern, as JSON
 * - `queue:{agency}`       the agency's stream (group `triage`): {event:'new', ref, urgent} and later
 *                          {event:'addition'|'answer', ref}
 * - `streamids:{ref}`      list of the concern's entry ids in that stream, so that purging can XDEL them
 * - `submission:{id}`      → ref, so that a retried submit stores nothing new
 * - `concerns`             sorted set of refs by receivedAt (ms), for list()
 * Submits and purges are single Lua scripts; updates are compare-and-set scripts retried on conflict, with
 * the change computed and validated here (Redis 7.0's cjson would turn [] into {} and round numbers).
 * Every method rejects unless Redis acknowledged (the client has no offline queue).
 */
export class RedisConcernStore extends UpdatingConcernStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    super();
  }

  async submit(concern: Concern): Promise<SubmitResult> {
    const valid = validConcern(concern);
    const keys = [
      this.key(`submission:${valid.submissionId}`),
      this.concernKey(valid.ref),
      this.queueKey(valid.agency),
      this.key('concerns'),
      this.streamIdsKey(valid.ref),
    ];
    const args = [valid.ref, JSON.stringify(valid), valid.urgent ? '1' : '0', String(Date.parse(valid.receivedAt)), TRIAGE_GROUP];
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
    return filter.agency === undefined ? concerns : concerns.filter((c) => c.agency === filter.agency);
  }

  async purgeClosedBefore(cutoff: Date): Promise<number> {
    let purged = 0;
    for (const ref of await this.client.zRange(this.key('concerns'), 0, -1)) {
      const stored = await this.read(ref);
      if (!stored || !closedBefore(stored.concern, cutoff)) continue;
      const { concern, raw } = stored;
      const keys = [
        this.concernKey(ref),
        this.queueKey(concern.agency),
        this.key('concerns'),
        this.streamIdsKey(ref),
        this.key(`submission:${concern.submissionId}`),
      ];
      // 0: changed since read (reopened, say): left for the next purge to judge.
      if ((await PURGE.run(this.client, keys, [raw, ref, TRIAGE_GROUP])) === 1) purged++;
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
      const keys = [this.concernKey(ref), this.queueKey(next.agency), this.streamIdsKey(ref)];
      const args = [stored.raw, JSON.stringify(next), queueEvent(update) ?? '', ref, TRIAGE_GROUP];
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

  private queueKey(agency: string): string {
    return this.key(`queue:${agency}`);
  }

  private streamIdsKey(ref: string): string {
    return this.key(`streamids:${ref}`);
  }

  private key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }
}
