import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Concern } from './concern';
import { encodeLine, parseLog, type LogLine } from './concernLog';
import { CorruptConcernError, ReferenceTakenError, validConcern } from './concernStoreErrors';
import type { SubmitResult } from './concernStore';
import { UpdatingConcernStore } from './updatingConcernStore';
import { applyUpdate, closedBefore, type ConcernUpdate } from './concernUpdates';
import { syncDirectory } from '../storage/syncDirectory';

const LOG_FILE = 'concerns.jsonl';

export interface FileConcernStoreOptions {
  /**
   * For a reader beside the running service (the operator CLI): replays the log, never writes, creates or
   * truncates anything (a torn last line may be the service's write in progress). Changes then reject.
   */
  readOnly?: boolean;
}

/**
 * Concerns in an append-only log of JSON lines, `{dataDir}/concerns.jsonl` (mode 0600), replayed into
 * memory on open: for running without Redis. Writes go one at a time, each fsynced before its promise
 * resolves. For one process: two services must not share a data directory.
 */
export class FileConcernStore extends UpdatingConcernStore {
  private readonly concerns = new Map<string, Concern>();
  private readonly refsBySubmission = new Map<string, string>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Bytes of complete, synced lines: a failed write is cut back to here. */
  private size = 0;
  /** Set when the file may no longer match memory; every later write rejects with it. */
  private broken: Error | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle | undefined,
  ) {
    super();
  }

  /** Opens (creating with mode 0700/0600) and replays the log. A torn last line is cut away; other corrupt lines throw. */
  static async open(dataDir: string, options: FileConcernStoreOptions = {}): Promise<FileConcernStore> {
    const file = join(dataDir, LOG_FILE);
    if (options.readOnly) {
      const store = new FileConcernStore(dataDir, undefined);
      store.replay(parseLog(await readIfExists(file)).lines);
      return store;
    }
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    // A compaction that crashed before its rename left this behind; the log itself is intact.
    await rm(`${file}.tmp`, { force: true });
    const content = await readIfExists(file);
    const log = parseLog(content);
    const handle = await open(file, 'a', 0o600);
    const store = new FileConcernStore(dataDir, handle);
    try {
      store.replay(log.lines);
      if (log.completeBytes < content.length) {
        await handle.truncate(log.completeBytes);
        await handle.sync();
      }
      if (content.length === 0) await syncDirectory(dataDir); // the file may be new: make its entry durable
    } catch (err) {
      await handle.close();
      throw err;
    }
    store.size = log.completeBytes;
    return store;
  }

  async submit(concern: Concern): Promise<SubmitResult> {
    const valid = validConcern(concern);
    return this.serially(async () => {
      const stored = this.refsBySubmission.get(valid.submissionId);
      if (stored) return { ref: stored, duplicate: true };
      if (this.concerns.has(valid.ref)) throw new ReferenceTakenError('reference already stored');
      await this.append([{ op: 'submit', concern: valid }]);
      this.add(valid);
      return { ref: valid.ref, duplicate: false };
    });
  }

  async get(ref: string): Promise<Concern | undefined> {
    const concern = this.concerns.get(ref);
    return concern && structuredClone(concern);
  }

  async list(filter: { agency?: string } = {}): Promise<Concern[]> {
    const all = [...this.concerns.values()].filter((c) => filter.agency === undefined || c.agency === filter.agency);
    // Stable sort: same-millisecond concerns stay in the order they were stored.
    return all.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt)).map((c) => structuredClone(c));
  }

  /** Deletes concerns closed before the cutoff by rewriting the log with only the others, one line each. */
  async purgeClosedBefore(cutoff: Date): Promise<number> {
    return this.serially(async () => {
      const doomed = [...this.concerns.values()].filter((c) => closedBefore(c, cutoff));
      if (doomed.length === 0) return 0;
      const kept = [...this.concerns.values()].filter((c) => !closedBefore(c, cutoff));
      await this.rewrite(kept.map((concern) => ({ op: 'submit', concern })));
      for (const c of doomed) {
        this.concerns.delete(c.ref);
        this.refsBySubmission.delete(c.submissionId);
      }
      return doomed.length;
    });
  }

  /** Waits for writes in flight, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    await this.handle?.close();
    this.handle = undefined;
  }

  protected async update(ref: string, change: (concern: Concern) => ConcernUpdate): Promise<Concern | undefined> {
    return this.serially(async () => {
      const current = this.concerns.get(ref);
      if (!current) return undefined;
      const update = change(current);
      const next = applyUpdate(current, update);
      if (!next || next === current) return next;
      await this.append([{ ...update, ref }]);
      this.concerns.set(ref, next);
      return next;
    });
  }

  /** Runs one change at a time, in call order, so that memory and file see the same sequence. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('concern store is closed'));
    const run = this.tail.then(() => {
      if (this.broken) throw this.broken;
      return work();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Appends and fsyncs; on failure cuts the file back to its last complete line and rejects. */
  private async append(lines: LogLine[]): Promise<void> {
    const handle = this.writableHandle();
    const data = Buffer.concat(lines.map(encodeLine));
    try {
      await writeAll(handle, data);
      await handle.sync();
      this.size += data.length;
    } catch (err) {
      try {
        await handle.truncate(this.size);
        await handle.sync();
      } catch {
        this.broken = new Error('concern log could not be restored after a failed write');
      }
      throw err;
    }
  }

  /** Writes a temporary file, fsyncs it, renames it over the log and fsyncs the directory. */
  private async rewrite(lines: LogLine[]): Promise<void> {
    const file = join(this.dir, LOG_FILE);
    const temp = `${file}.tmp`;
    const data = Buffer.concat(lines.map(encodeLine));
    const out = await open(temp, 'w', 0o600);
    try {
      await writeAll(out, data);
      await out.sync();
    } catch (err) {
      await out.close();
      await rm(temp, { force: true });
      throw err;
    }
    await out.close();
    await rename(temp, file);
    // Appends must go to the new file now: the old handle points at the replaced one.
    try {
      await this.writableHandle().close();
      this.handle = await open(file, 'a', 0o600);
      this.size = data.length;
    } catch (err) {
      this.broken = new Error('concern log could not be reopened after compaction');
      throw err;
    }
    await syncDirectory(this.dir);
  }

  private writableHandle(): FileHandle {
    if (!this.handle) throw new Error('concern store was opened read-only');
    return this.handle;
  }

  private replay(lines: LogLine[]): void {
    lines.forEach((line, i) => {
      const where = `concern log line ${i + 1}`;
      if (line.op === 'submit') {
        if (this.concerns.has(line.concern.ref) || this.refsBySubmission.has(line.concern.submissionId)) {
          throw new CorruptConcernError(`${where}: a concern stored twice`);
        }
        this.add(line.concern);
        return;
      }
      const { ref, ...update } = line;
      const current = this.concerns.get(ref);
      if (!current) throw new CorruptConcernError(`${where}: a change to a concern not in the log`);
      let next: Concern | undefined;
      try {
        next = applyUpdate(current, update);
      } catch {
        throw new CorruptConcernError(`${where}: the change does not fit the concern schema`);
      }
      if (!next) throw new CorruptConcernError(`${where}: an answer to a question not in the log`);
      this.concerns.set(ref, next);
    });
  }

  private add(concern: Concern): void {
    this.concerns.set(concern.ref, concern);
    this.refsBySubmission.set(concern.submissionId, concern.ref);
  }
}

async function readIfExists(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset);
    offset += bytesWritten;
  }
}

