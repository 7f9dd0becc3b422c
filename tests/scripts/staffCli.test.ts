import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditLog } from '../../src/audit/sqliteAuditLog';
import { RedisAuditLog } from '../../src/audit/redisAuditLog';
import { createLogger } from '../../src/logging/logger';
import { SqliteSessionStore } from '../../src/staff/sqliteSessionStore';
import { SqliteStaffStore } from '../../src/staff/sqliteStaffStore';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { verifyPassword } from '../../src/staff/passwords';
import { RedisSessionStore } from '../../src/staff/redisSessionStore';
import { RedisStaffStore } from '../../src/staff/redisStaffStore';
import { DEFAULT_SESSION_TIMEOUTS } from '../../src/staff/sessionStore';
import { createRedisClient } from '../../src/storage/redisClient';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { runScript, scriptPath } from '../helpers/cli';

const cli = (args: string[], env: Record<string, string>) => runScript('staff', args, env);

/** The sign-in name, password and token `add` printed. */
function credentialIn(stdout: string): { id: string; password: string; token: string } {
  const field = (label: string) => new RegExp(`^\\s*${label}:\\s+(\\S+)$`, 'm').exec(stdout)?.[1] ?? '';
  return { id: field('Sign-in name'), password: field('Password'), token: field('API token') };
}

beforeAll(() => {
  if (!existsSync(scriptPath('staff'))) throw new Error(`${scriptPath('staff')} is missing: run npx tsc -p tsconfig.build.json first`);
});

describe('npm run staff (built CLI), without Redis', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir });
  /** Reads the database in DATA_DIR through a connection of its own, as the running service would. */
  async function inDatabase<T>(read: (db: SqliteDatabase) => Promise<T>): Promise<T> {
    const db = openDatabase(dataDir);
    try {
      return await read(db);
    } finally {
      db.close();
    }
  }
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'clearsight-staff-cli-')), 'data');
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('adds an account and prints, once, a credential that the stored hash accepts', async () => {
    const result = await cli(['add', '--agency', 'sheffield-safeguarding-hub', '--name', 'Jo Bloggs', '--role', 'manager'], env());
    expect(result.code).toBe(0);
    const { id, password, token } = credentialIn(result.stdout);
    expect(id).toMatch(/^jo-bloggs-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(password).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(token).toBe(`${id}.${password}`);
    expect(result.stdout).toMatch(/will not be shown again/);
    const record = await inDatabase((db) => new SqliteStaffStore(db).get(id));
    expect(record?.account).toMatchObject({ id, agency: 'sheffield-safeguarding-hub', name: 'Jo Bloggs', role: 'manager', disabledAt: null });
    expect(await verifyPassword(password, record?.passwordHash ?? '')).toBe(true);
    expect(await readFile(join(dataDir, DATABASE_FILE), 'latin1')).not.toContain(password);
    expect(await inDatabase((db) => new SqliteAuditLog(db).recent(5))).toEqual([
      { at: record?.account.createdAt, staffId: null, agency: 'sheffield-safeguarding-hub', action: 'staff-add', ref: null, detail: { account: id, role: 'manager' } },
    ]);
  });

  it('lists accounts (lines or JSON, one agency or all) and never prints a hash', async () => {
    const police = credentialIn((await cli(['add', '--agency', 'south-yorkshire-police', '--name', 'Sam Smith'], env())).stdout);
    const hub = credentialIn((await cli(['add', '--agency', 'barnsley-front-door', '--name', 'Ali Khan'], env())).stdout);
    const json = await cli(['list', '--json'], env());
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(listed.map((a) => a.id)).toEqual([hub.id, police.id]);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['agency', 'createdAt', 'disabledAt', 'id', 'name', 'role']);
    const lines = await cli(['list', '--agency', 'south-yorkshire-police'], env());
    expect(lines.stdout.trim()).toMatch(new RegExp(`^${police.id}\\s+south-yorkshire-police\\s+duty\\s+Sam Smith\\s+\\S+\\s+active$`));
    for (const out of [json, lines]) {
      expect(out.stdout + out.stderr).not.toMatch(/scrypt|passwordHash/);
      expect(out.stdout).not.toContain(police.password);
    }
    expect(await cli(['list'], { DATA_DIR: join(dataDir, 'none') })).toEqual({ code: 0, stdout: 'No staff accounts.\n', stderr: '' });
  });

  it('disables an account once, ends its console sessions, audits it, and says so when it is already disabled', async () => {
    const { id } = credentialIn((await cli(['add', '--agency', 'rotherham-mash', '--name', 'Pat Lee'], env())).stdout);
    // A console session the running service holds in the same database: disabling ends it.
    const token = await inDatabase(async (db) => (await new SqliteSessionStore(db, DEFAULT_SESSION_TIMEOUTS).create(id, new Date())).token);
    const first = await cli(['disable', id], env());
    expect(first).toMatchObject({ code: 0, stdout: `Disabled ${id} and ended 1 session(s).\n` });
    expect(await inDatabase((db) => new SqliteSessionStore(db, DEFAULT_SESSION_TIMEOUTS).get(token, new Date()))).toBeUndefined();
    const disabledAt = (await inDatabase((db) => new SqliteStaffStore(db).get(id)))?.account.disabledAt;
    expect(disabledAt).toEqual(expect.stringMatching(/^\d{4}-/));
    expect(await cli(['disable', id], env())).toMatchObject({ code: 0, stdout: `${id} has been disabled since ${disabledAt}.\n` });
    const audit = await inDatabase((db) => new SqliteAuditLog(db).recent(5));
    expect(audit.map((e) => [e.action, e.detail])).toEqual([['staff-disable', { account: id, sessionsEnded: '1' }], ['staff-add', { account: id, role: 'duty' }]]);
    expect(await cli(['disable', 'no-such-person'], env())).toMatchObject({ code: 1, stderr: expect.stringMatching(/no account "no-such-person"/) });
  });

  it('refuses an unknown agency, naming the ones there are, and stores nothing', async () => {
    const result = await cli(['add', '--agency', 'atlantis-police', '--name', 'Jo Bloggs'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no agency "atlantis-police" in content\/agencies.yaml; agencies: .*south-yorkshire-police/);
    expect(result.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 2 with the usage for a bad role, a missing option or an unknown command', async () => {
    const cases: [string[], RegExp][] = [
      [['add', '--agency', 'rotherham-mash', '--name', 'Jo', '--role', 'boss'], /--role must be one of duty, manager, admin/],
      [['add', '--agency', 'rotherham-mash'], /add needs --name/],
      [['add', '--agency', 'rotherham-mash', '--name', 'Jo\nBloggs'], /--name must be 1 to 100 printable characters/],
      [['remove', 'x'], /unknown command: remove/],
      [[], /no command given/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, env());
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Usage: npm run staff -- add --agency ID --name NAME/);
      expect(result.stdout).toBe('');
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('npm run staff (built CLI), with Redis', () => {
  const prefix = uniquePrefix();
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
  let helper: Awaited<ReturnType<typeof connectTestRedis>>;
  const client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  beforeAll(async () => {
    helper = await connectTestRedis();
    await client.connect();
  });
  afterAll(async () => {
    await helper.clean(prefix);
    await helper.close();
    await client.close();
  });

  it('adds to Redis, and disabling ends the account\'s sessions', async () => {
    const added = await cli(['add', '--agency', 'doncaster-front-door', '--name', 'Chris Day'], env);
    expect(added.code).toBe(0);
    const { id, password } = credentialIn(added.stdout);
    const record = await new RedisStaffStore(client, prefix).get(id);
    expect(await verifyPassword(password, record?.passwordHash ?? '')).toBe(true);
    const sessions = new RedisSessionStore(client, prefix, DEFAULT_SESSION_TIMEOUTS);
    const { token } = await sessions.create(id, new Date());
    expect(await cli(['disable', id], env)).toMatchObject({ code: 0, stdout: `Disabled ${id} and ended 1 session(s).\n` });
    expect(await sessions.get(token, new Date())).toBeUndefined();
    expect((await new RedisStaffStore(client, prefix).get(id))?.account.disabledAt).not.toBeNull();
    const audit = await new RedisAuditLog(client, prefix).recent(5);
    expect(audit.map((e) => [e.action, e.detail])).toEqual([['staff-disable', { account: id, sessionsEnded: '1' }], ['staff-add', { account: id, role: 'duty' }]]);
  });
});
