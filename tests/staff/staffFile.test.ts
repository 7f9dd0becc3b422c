import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStaffFile, STAFF_FILE } from '../../src/staff/staffFile';
import { CorruptStaffError } from '../../src/staff/staffStore';
import { writeOldStaffFile } from '../helpers/oldFiles';
import { sampleAccount } from './staffStoreContract';

let root: string;
let dataDir: string;
const file = () => join(dataDir, STAFF_FILE);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'clearsight-staff-file-'));
  dataDir = join(root, 'data');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('readStaffFile', () => {
  it('reads every record of a staff.json as earlier versions wrote it (0600, in a 0700 directory)', async () => {
    const records = [
      { account: sampleAccount({ id: 'amy-0001', role: 'admin' }), passwordHash: 'scrypt$a' },
      { account: sampleAccount({ id: 'bob-0002', disabledAt: '2025-03-02T10:00:00.000Z' }), passwordHash: 'scrypt$b' },
    ];
    await writeOldStaffFile(dataDir, records);
    expect(await readFile(file(), 'utf8')).toBe(`${JSON.stringify({ staff: records }, null, 2)}\n`);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(await readStaffFile(file())).toEqual(records);
  });

  it('reads [] when there is no file', async () => {
    expect(await readStaffFile(file())).toEqual([]);
  });

  it('throws CorruptStaffError naming the file, not its content, for a file that does not match the schema', async () => {
    await writeOldStaffFile(dataDir, [{ account: sampleAccount(), passwordHash: 'scrypt$x' }]);
    await writeFile(file(), '{"staff":[{"account":{"id":"Zebra"}}]}');
    await expect(readStaffFile(file())).rejects.toBeInstanceOf(CorruptStaffError);
    await expect(readStaffFile(file())).rejects.toThrow(`${file()}: does not match the schema (`);
    await expect(readStaffFile(file())).rejects.not.toThrow(/Zebra/);
    await writeFile(file(), '{"staff":[');
    await expect(readStaffFile(file())).rejects.toThrow(`${file()}: not JSON`);
  });
});
