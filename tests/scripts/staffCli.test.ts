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
import { secretMatches } from '../../src/staff/apiToken';
import { RedisApiTokenStore } from '../../src/staff/redisApiTokenStore';
import { SqliteApiTokenStore } from '../../src/staff/sqliteApiTokenStore';
import { DEFAULT_SESSION_TIMEOUTS } from '../../src/staff/sessionStore';
import { createRedisClient } from '../../src/storage/redisClient';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { runScript, scriptPath } from '../helpers/cli';

const cli = (args: string[], env: Record<string, string>) => runScript('staff', args, env);

/** The value of a `  Label: value` line of the output. */
function field(stdout: string, label: string): string {
  return new RegExp(`^\\s*${label}:\\s+(\\S+)$`, 'm').exec(stdout)?.[1] ?? '';
}

/** The sign-in name and password `add` printed. */
function credentialIn(stdout: string): { id: string; password: string } {
  return { id: field(stdout, 'Sign-in name'), password: field(stdout, 'Password') };
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
    const { id, password } = credentialIn(result.stdout);
    expect(id).toMatch(/^jo-bloggs-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(password).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(result.stdout).toMatch(/will not be shown again/);
    // The password is for the console only: no API token is printed, only how to get one.
    expect(result.stdout).not.toMatch(/API token:|cs_/);
    expect(result.stdout).toContain(`npm run staff -- token issue ${id}`);
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
    expect(first).toMatchObject({ code: 0, stdout: `Disabled ${id}, ended 1 session(s) and revoked 0 API token(s).\n` });
    expect(await inDatabase((db) => new SqliteSessionStore(db, DEFAULT_SESSION_TIMEOUTS).get(token, new Date()))).toBeUndefined();
    const disabledAt = (await inDatabase((db) => new SqliteStaffStore(db).get(id)))?.account.disabledAt;
    expect(disabledAt).toEqual(expect.stringMatching(/^\d{4}-/));
    expect(await cli(['disable', id], env())).toMatchObject({ code: 0, stdout: `${id} has been disabled since ${disabledAt}.\n` });
    const audit = await inDatabase((db) => new SqliteAuditLog(db).recent(5));
    expect(audit.map((e) => [e.action, e.detail])).toEqual([['staff-disable', { account: id, sessionsEnded: '1', tokensRevoked: '0' }], ['staff-add', { account: id, role: 'duty' }]]);
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

describe('npm run staff -- token (built CLI), without Redis', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir });
  async function inDatabase<T>(read: (db: SqliteDatabase) => Promise<T>): Promise<T> {
    const db = openDatabase(dataDir);
    try {
      return await read(db);
    } finally {
      db.close();
    }
  }
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'clearsight-token-cli-')), 'data');
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });
  const addAccount = async () => credentialIn((await cli(['add', '--agency', 'rotherham-mash', '--name', 'Ira Integrator'], env())).stdout).id;

  it('issues a token once (only its hash is stored), lists it without the secret, and revokes it at once, auditing both by id', async () => {
    const id = await addAccount();
    const issued = await cli(['token', 'issue', id, '--label', 'Case system sync', '--days', '30'], env());
    expect(issued.code).toBe(0);
    const bearer = field(issued.stdout, 'Token');
    expect(bearer).toMatch(/^cs_[0-9a-hjkmnp-tv-z]{12}_[A-Za-z0-9_-]{43}$/);
    const tokenId = bearer.slice(3, 15);
    expect(issued.stdout).toMatch(/will not be shown again/);
    const stored = await inDatabase((db) => new SqliteApiTokenStore(db).get(tokenId));
    expect(stored?.token).toMatchObject({ id: tokenId, staffId: id, label: 'Case system sync', lastUsedDay: null, revokedAt: null });
    expect(Date.parse(stored!.token.expiresAt) - Date.parse(stored!.token.createdAt)).toBe(30 * 86_400_000);
    expect(secretMatches(tokenId, bearer.slice(16), stored!.secretHash)).toBe(true);
    expect(await readFile(join(dataDir, DATABASE_FILE), 'latin1')).not.toContain(bearer.slice(16));

    const lines = await cli(['token', 'list', id], env());
    expect(lines.stdout.trim()).toMatch(new RegExp(`^${tokenId}\\s+Case system sync\\s+created \\S+\\s+expires \\S+\\s+used never\\s+active$`));
    const json = await cli(['token', 'list', id, '--json'], env());
    expect(Object.keys((JSON.parse(json.stdout) as Record<string, unknown>[])[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedDay', 'revokedAt', 'staffId']);
    for (const out of [lines, json]) expect(out.stdout + out.stderr).not.toMatch(new RegExp(`${bearer.slice(16)}|${stored!.secretHash}|secretHash`));

    expect(await cli(['token', 'revoke', tokenId], env())).toMatchObject({ code: 0, stdout: `Revoked API token ${tokenId} of ${id}.\n` });
    expect((await inDatabase((db) => new SqliteApiTokenStore(db).get(tokenId)))?.token.revokedAt).not.toBeNull();
    expect((await cli(['token', 'revoke', bearer], env())).stdout).toMatch(new RegExp(`^API token ${tokenId} has been revoked since `));
    expect((await cli(['token', 'list', id], env())).stdout).toMatch(/ revoked \d{4}-/);
    const audit = await inDatabase((db) => new SqliteAuditLog(db).recent(10));
    expect(audit.filter((e) => e.action.startsWith('token-')).map((e) => [e.action, e.staffId, e.agency, e.detail])).toEqual([
      ['token-revoked', null, 'rotherham-mash', { account: id, token: tokenId }],
      ['token-issued', null, 'rotherham-mash', { account: id, token: tokenId, expiresAt: stored!.token.expiresAt }],
    ]);
    expect(JSON.stringify(audit)).not.toContain(bearer.slice(16));
  }, 60_000);

  it('refuses a token for an unknown or disabled account, and says so for an unknown token', async () => {
    expect(await cli(['token', 'issue', 'no-such-person'], env())).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/no account "no-such-person"/) });
    const id = await addAccount();
    await cli(['disable', id], env());
    expect(await cli(['token', 'issue', id], env())).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/is disabled/) });
    expect(await cli(['token', 'list', id], env())).toMatchObject({ code: 0, stdout: 'No API tokens.\n' });
    expect(await cli(['token', 'revoke', '000000000000'], env())).toMatchObject({ code: 1, stderr: expect.stringMatching(/no API token "000000000000"/) });
  }, 60_000);

  it('issues for 90 days unless told otherwise', async () => {
    const id = await addAccount();
    const bearer = field((await cli(['token', 'issue', id], env())).stdout, 'Token');
    const stored = await inDatabase((db) => new SqliteApiTokenStore(db).get(bearer.slice(3, 15)));
    expect(Date.parse(stored!.token.expiresAt) - Date.parse(stored!.token.createdAt)).toBe(90 * 86_400_000);
  });

  it('exits 2 with the usage for bad days, a missing id, a bad token id or an unknown token command, opening nothing', async () => {
    const id = 'jo-bloggs-7k2p';
    const cases: [string[], RegExp][] = [
      [['token', 'issue', id, '--days', '366'], /--days must be a whole number from 1 to 365/],
      [['token', 'issue', id, '--days', '0'], /--days must be a whole number from 1 to 365/],
      [['token', 'issue', id, '--days', '1.5'], /--days must be a whole number from 1 to 365/],
      [['token', 'issue'], /token issue needs the account id/],
      [['token', 'revoke', 'not-a-token'], /not a token id/],
      [['token', 'show', id], /unknown token command: show/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, env());
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/npm run staff -- token issue STAFF_ID/);
      expect(result.stdout).toBe('');
    }
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
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

  it('adds to Redis, issues a token there, and disabling ends the account\'s sessions and revokes its tokens', async () => {
    const added = await cli(['add', '--agency', 'doncaster-front-door', '--name', 'Chris Day'], env);
    expect(added.code).toBe(0);
    const { id, password } = credentialIn(added.stdout);
    const record = await new RedisStaffStore(client, prefix).get(id);
    expect(await verifyPassword(password, record?.passwordHash ?? '')).toBe(true);
    const issued = await cli(['token', 'issue', id, '--label', 'Case system'], env);
    expect(issued.code).toBe(0);
    const bearer = field(issued.stdout, 'Token');
    const tokenId = /^cs_([0-9a-z]{12})_/.exec(bearer)?.[1] ?? '';
    const tokens = new RedisApiTokenStore(client, prefix);
    const stored = await tokens.get(tokenId);
    expect(stored && secretMatches(tokenId, bearer.slice(16), stored.secretHash)).toBe(true);
    expect(JSON.stringify(await client.hGetAll(`${prefix}apitoken:${tokenId}`))).not.toContain(bearer.slice(16));
    const sessions = new RedisSessionStore(client, prefix, DEFAULT_SESSION_TIMEOUTS);
    const { token } = await sessions.create(id, new Date());
    expect(await cli(['disable', id], env)).toMatchObject({ code: 0, stdout: `Disabled ${id}, ended 1 session(s) and revoked 1 API token(s).\n` });
    expect(await sessions.get(token, new Date())).toBeUndefined();
    expect((await tokens.get(tokenId))?.token.revokedAt).not.toBeNull();
    expect((await new RedisStaffStore(client, prefix).get(id))?.account.disabledAt).not.toBeNull();
    const audit = await new RedisAuditLog(client, prefix).recent(5);
    expect(audit.map((e) => [e.action, e.detail.account, e.detail.token ?? e.detail.tokensRevoked ?? e.detail.role])).toEqual([
      ['staff-disable', id, '1'],
      ['token-issued', id, tokenId],
      ['staff-add', id, 'duty'],
    ]);
  }, 60_000);
});
