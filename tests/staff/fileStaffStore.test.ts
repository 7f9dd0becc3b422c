import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStaffStore } from '../../src/staff/fileStaffStore';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { describeStaffStoreContract, sampleAccount } from './staffStoreContract';

let root: string;
let dataDir: string;

async function makeStore(): Promise<FileStaffStore> {
  root = await mkdtemp(join(tmpdir(), 'clearsight-staff-'));
  dataDir = join(root, 'data');
  return new FileStaffStore(dataDir);
}

async function teardown(): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

describeStaffStoreContract('FileStaffStore', makeStore, teardown);

describe('FileStaffStore on disk', () => {
  let store: FileStaffStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('creates nothing until the first account, then staff.json (0600) in a directory (0700), no temporary files left', async () => {
    expect(await store.list()).toEqual([]);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
    await store.add(sampleAccount(), 'scrypt$x');
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'staff.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual(['staff.json']);
  });

  it('reads the file afresh: an account added by another process (the CLI) is seen at once', async () => {
    await store.add(sampleAccount({ id: 'first-0001' }), 'scrypt$x');
    await new FileStaffStore(dataDir).add(sampleAccount({ id: 'second-0002' }), 'scrypt$y');
    expect((await store.get('second-0002'))?.passwordHash).toBe('scrypt$y');
    expect((await store.list()).map((a) => a.id)).toEqual(['first-0001', 'second-0002']);
  });

  it('serialises writes in one process: many concurrent adds and a disable all land', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `person-${String(i).padStart(4, '0')}`);
    await Promise.all([...ids.map((id) => store.add(sampleAccount({ id }), 'scrypt$x')), store.disable(ids[0] ?? '', new Date())]);
    const listed = await store.list();
    expect(listed.map((a) => a.id)).toEqual(ids);
    expect(JSON.parse(await readFile(join(dataDir, 'staff.json'), 'utf8')).staff).toHaveLength(20);
  });

  it('throws CorruptStaffError naming the file for a file that does not match the schema', async () => {
    await store.add(sampleAccount(), 'scrypt$x');
    await writeFile(join(dataDir, 'staff.json'), '{"staff":[{"account":{"id":"x"}}]}');
    await expect(store.list()).rejects.toBeInstanceOf(CorruptStaffError);
    await writeFile(join(dataDir, 'staff.json'), '{"staff":[');
    await expect(store.get('jo-bloggs-7k2p')).rejects.toThrow(`${join(dataDir, 'staff.json')}: not JSON`);
  });
});
