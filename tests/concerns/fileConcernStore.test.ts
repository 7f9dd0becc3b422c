import { appendFile, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptConcernError } from '../../src/concerns/concernStoreErrors';
import { FileConcernStore } from '../../src/concerns/fileConcernStore';
import { sampleConcern } from '../helpers/concerns';
import { describeConcernStoreContract } from './concernStoreContract';

let root: string;
let dataDir: string;
let store: FileConcernStore | undefined;

async function makeStore(): Promise<FileConcernStore> {
  root = await mkdtemp(join(tmpdir(), 'clearsight-concerns-'));
  dataDir = join(root, 'data');
  store = await FileConcernStore.open(dataDir);
  return store;
}

async function teardown(): Promise<void> {
  await store?.close();
  store = undefined;
  await rm(root, { recursive: true, force: true });
}

const logFile = () => join(dataDir, 'concerns.jsonl');
const logLines = async () => (await readFile(logFile(), 'utf8')).split('\n').filter((l) => l !== '');

async function reopen(): Promise<FileConcernStore> {
  await store?.close();
  store = await FileConcernStore.open(dataDir);
  return store;
}

describeConcernStoreContract(
  'FileConcernStore',
  async () => {
    const s = await makeStore();
    return { store: s, queued: async (agency) => (await s.list({ agency })).map((c) => c.ref).sort() };
  },
  teardown,
);

describe('FileConcernStore specifics', () => {
  beforeEach(makeStore);
  afterEach(teardown);

  it('keeps one JSON line per operation in a file only its owner can read', async () => {
    const s = store!;
    const concern = sampleConcern();
    await s.submit(concern);
    await s.submit(concern); // a retry writes nothing
    await s.addInformation(concern.ref, 'more', new Date());
    const id = await s.askQuestion(concern.ref, 'which park?', new Date());
    await s.answerQuestion(concern.ref, id!, 'the big one', new Date());
    await s.setStatus(concern.ref, 'closed', new Date());
    await s.addInformation(sampleConcern().ref, 'nobody', new Date()); // no such concern: nothing written
    const lines = (await logLines()).map((l) => JSON.parse(l) as { op: string; ref?: string });
    expect(lines.map((l) => l.op)).toEqual(['submit', 'addition', 'question', 'answer', 'status']);
    expect(lines.slice(1).every((l) => l.ref === concern.ref)).toBe(true);
    expect((await stat(logFile())).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('comes back the same after a restart', async () => {
    const first = sampleConcern({ receivedAt: '2025-03-01T09:00:00.000Z' });
    const second = sampleConcern({ receivedAt: '2025-03-01T10:00:00.000Z', agency: 'south-yorkshire-police' });
    await store!.submit(first);
    await store!.submit(second);
    await store!.addInformation(first.ref, 'more', new Date());
    const id = await store!.askQuestion(second.ref, 'which park?', new Date());
    await store!.answerQuestion(second.ref, id!, 'the big one', new Date());
    await store!.setStatus(first.ref, 'passed-on', new Date());
    const before = await store!.list();

    const reopened = await reopen();
    expect(await reopened.list()).toEqual(before);
    expect(await reopened.submit(first)).toEqual({ ref: first.ref, duplicate: true });
  });

  it('ignores a torn last line left by a crash, and cuts it away', async () => {
    const concern = sampleConcern();
    await store!.submit(concern);
    await store!.close();
    const intact = (await readFile(logFile())).length;
    await appendFile(logFile(), `{"op":"addition","ref":"${concern.ref}","text":"half wri`);

    const reopened = await reopen();
    expect(await reopened.get(concern.ref)).toEqual(concern);
    expect((await readFile(logFile())).length).toBe(intact);
    // Later writes land on a clean line boundary.
    await reopened.addInformation(concern.ref, 'after the crash', new Date());
    expect((await (await reopen()).get(concern.ref))?.additions.map((a) => a.text)).toEqual(['after the crash']);
  });

  it('refuses to open a log with a corrupt line before the last, naming the line but not its text', async () => {
    const concern = sampleConcern();
    await store!.submit(concern);
    await store!.addInformation(concern.ref, 'more', new Date());
    await store!.close();
    const lines = await logLines();
    await writeFile(logFile(), `${lines[0]}\n{"op":"addition","secret words\n${lines[1]}\n`);
    const err = await FileConcernStore.open(dataDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptConcernError);
    expect((err as Error).message).toMatch(/line 2/);
    expect((err as Error).message).not.toMatch(/secret/);
    store = undefined;
  });

  it('refuses a log whose changes refer to a concern it never stored', async () => {
    await store!.close();
    await writeFile(logFile(), `${JSON.stringify({ op: 'status', ref: sampleConcern().ref, status: 'closed', at: new Date().toISOString() })}\n`);
    await expect(FileConcernStore.open(dataDir)).rejects.toThrow(/line 1/);
    store = undefined;
  });

  it('compacts the log when it purges: one line per concern left, nothing temporary left behind', async () => {
    const kept = sampleConcern();
    const purged = sampleConcern();
    await store!.submit(kept);
    await store!.submit(purged);
    await store!.addInformation(kept.ref, 'more', new Date());
    await store!.setStatus(purged.ref, 'closed', new Date(Date.now() - 60_000));
    expect(await store!.purgeClosedBefore(new Date())).toBe(1);

    const lines = (await logLines()).map((l) => JSON.parse(l) as { op: string; concern: { ref: string } });
    expect(lines).toEqual([{ op: 'submit', concern: await store!.get(kept.ref) }]);
    expect(await readdir(dataDir)).toEqual(['concerns.jsonl']);
    expect((await stat(logFile())).mode & 0o777).toBe(0o600);
    // Appends after the rewrite go to the new file, not the one it replaced.
    await store!.addInformation(kept.ref, 'after purge', new Date());
    expect((await (await reopen()).get(kept.ref))?.additions.map((a) => a.text)).toEqual(['more', 'after purge']);
    expect(await store!.get(purged.ref)).toBeUndefined();
  });

  it('resolves only after the write was synced to disk', async () => {
    const handle = await open(logFile(), 'r');
    const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
    await handle.close();
    let releaseSync: () => void = () => undefined;
    const sync = jest.spyOn(proto, 'sync').mockImplementationOnce(function (this: unknown) {
      return new Promise<void>((resolve) => {
        releaseSync = resolve;
      });
    });
    try {
      let settled = false;
      const submitting = store!.submit(sampleConcern()).finally(() => {
        settled = true;
      });
      await waitFor(() => sync.mock.calls.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      releaseSync();
      await submitting;
    } finally {
      sync.mockRestore();
    }
  });

  it('rejects when the sync fails, keeps nothing of it and goes on working', async () => {
    const handle = await open(logFile(), 'r');
    const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
    await handle.close();
    const sync = jest.spyOn(proto, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    const lost = sampleConcern();
    try {
      await expect(store!.submit(lost)).rejects.toThrow('EIO');
    } finally {
      sync.mockRestore();
    }
    expect(await store!.get(lost.ref)).toBeUndefined();
    const next = sampleConcern();
    await store!.submit(next);
    expect((await (await reopen()).list()).map((c) => c.ref)).toEqual([next.ref]);
  });

  it('opened read-only, reads the log beside a writer without touching it', async () => {
    const concern = sampleConcern();
    await store!.submit(concern);
    await appendFile(logFile(), '{"op":"addition"'); // the writer's line in progress
    const before = await readFile(logFile());
    const reader = await FileConcernStore.open(dataDir, { readOnly: true });
    expect((await reader.list()).map((c) => c.ref)).toEqual([concern.ref]);
    await expect(reader.addInformation(concern.ref, 'x', new Date())).rejects.toThrow(/read-only/);
    expect(await readFile(logFile())).toEqual(before);
    await reader.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
