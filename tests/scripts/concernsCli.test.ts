import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Concern } from '../../src/concerns/concern';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient } from '../../src/storage/redisClient';
import { freeTexts, sampleConcern, testDueAt } from '../helpers/concerns';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { runScript, scriptPath } from '../helpers/cli';

const cli = (args: string[], env: Record<string, string>) => runScript('concerns', args, env);

function withText(agency: string, receivedAt: string): Concern {
  return sampleConcern({
    agency,
    receivedAt,
    urgent: agency === 'south-yorkshire-police',
    urgentReasons: agency === 'south-yorkshire-police' ? ['danger-now-answer'] : [],
    additions: [{ at: receivedAt, text: 'Zebra-unique addition text' }],
  });
}

const first = withText('sheffield-childrens', '2025-03-01T09:00:00.000Z');
const second = withText('south-yorkshire-police', '2025-03-01T10:00:00.000Z');

/** What `list --json` must say of a concern, and nothing more. */
const summaryOf = (c: Concern) => ({
  ref: c.ref,
  agency: c.agency,
  status: c.status,
  urgent: c.urgent,
  receivedAt: c.receivedAt,
  area: c.area,
  subject: c.subject,
});

function expectNoFreeText(output: string): void {
  for (const text of [...freeTexts(first), ...freeTexts(second)]) expect(output).not.toContain(text);
}

beforeAll(() => {
  if (!existsSync(scriptPath('concerns'))) throw new Error(`${scriptPath('concerns')} is missing: run npm run build first`);
});

describe('npm run concerns (built CLI)', () => {
  describe('with Redis', () => {
    const prefix = uniquePrefix();
    let helper: Awaited<ReturnType<typeof connectTestRedis>>;
    beforeAll(async () => {
      helper = await connectTestRedis();
      const client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
      await client.connect();
      const store = new RedisConcernStore(client, prefix, testDueAt);
      await store.submit(first);
      await store.submit(second);
      await client.close();
    });
    afterAll(async () => {
      await helper.clean(prefix);
      await helper.close();
    });
    const env = () => ({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });

    it('lists the summaries as JSON, oldest first, with no free text', async () => {
      const result = await cli(['list', '--json'], env());
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([summaryOf(first), summaryOf(second)]);
      expectNoFreeText(result.stdout + result.stderr);
    });

    it('lists one agency as lines, with the urgent marker', async () => {
      const result = await cli(['list', '--agency', 'south-yorkshire-police'], env());
      expect(result.code).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${second.ref}\\s+south-yorkshire-police\\s+received\\s+URGENT\\s+${second.receivedAt}`));
      expectNoFreeText(result.stdout + result.stderr);
    });
  });

  describe('without Redis, from the data directory', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'clearsight-cli-'));
      const db = openDatabase(dataDir);
      const store = new SqliteConcernStore(db, testDueAt);
      await store.submit(second);
      await store.submit(first);
      db.close();
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('lists the summaries as JSON, oldest first, with no free text', async () => {
      const result = await cli(['list', '--json'], { DATA_DIR: dataDir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([summaryOf(first), summaryOf(second)]);
      expectNoFreeText(result.stdout + result.stderr);
    });

    it('says so when the data directory holds no concerns yet', async () => {
      const empty = join(dataDir, 'not-created');
      const result = await cli(['list'], { DATA_DIR: empty });
      expect(result).toEqual({ code: 0, stdout: 'No concerns.\n', stderr: '' });
      expect(existsSync(empty)).toBe(false);
    });
  });

  it('prints the usage on stderr and exits 2 for an unknown command or option', async () => {
    for (const args of [['show'], ['list', '--verbose'], []]) {
      const result = await cli(args, {});
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/Usage: npm run concerns -- list \[--agency ID\] \[--json\]/);
    }
  });

  it('exits 1 naming the variable when the configuration is bad', async () => {
    const result = await cli(['list'], { REDIS_URL: 'http://not-redis' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/REDIS_URL/);
  });
});
