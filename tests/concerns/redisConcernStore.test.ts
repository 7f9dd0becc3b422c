import { CorruptConcernError } from '../../src/concerns/concernStoreErrors';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { sampleConcern, testDueAt } from '../helpers/concerns';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { describeConcernStoreContract } from './concernStoreContract';

let helper: Awaited<ReturnType<typeof connectTestRedis>>;
let client: RedisClient;
let prefix: string;

beforeAll(async () => {
  helper = await connectTestRedis();
});
afterAll(async () => {
  await helper.close();
});

async function connectClient(): Promise<RedisClient> {
  const c = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
  await c.connect();
  return c;
}

async function makeStore(): Promise<RedisConcernStore> {
  prefix = uniquePrefix();
  client = await connectClient();
  return new RedisConcernStore(client, prefix, testDueAt);
}

async function teardown(): Promise<void> {
  await helper.clean(prefix);
  if (client.isOpen) await client.close();
}

/** The refs in an agency's open queue, in queue order, straight from its sorted set. */
async function openQueue(agency: string): Promise<string[]> {
  return helper.client.zRange(`${prefix}queue:${agency}:open`, 0, -1);
}

async function keysUnderPrefix(): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of helper.client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
  return keys.map((k) => k.slice(prefix.length)).sort();
}

describeConcernStoreContract(
  'RedisConcernStore',
  async () => ({ store: await makeStore() }),
  teardown,
);

describe('RedisConcernStore specifics', () => {
  let store: RedisConcernStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps every key under its prefix, in the documented layout', async () => {
    const concern = sampleConcern({ agency: 'south-yorkshire-police', urgent: true, urgentReasons: ['safety-check'] });
    await store.submit(concern);
    expect(await keysUnderPrefix()).toEqual(
      [
        `concern:${concern.ref}`,
        'concerns',
        'queue:south-yorkshire-police:open',
        'alerts:south-yorkshire-police:urgent',
        'alerts:south-yorkshire-police:overdue',
        `submission:${concern.submissionId}`,
      ].sort(),
    );
    expect(await helper.client.get(`${prefix}submission:${concern.submissionId}`)).toBe(concern.ref);
    expect(await helper.client.zScore(`${prefix}concerns`, concern.ref)).toBe(Date.parse(concern.receivedAt));
    expect(await helper.client.zScore(`${prefix}alerts:south-yorkshire-police:overdue`, concern.ref)).toBe(testDueAt(concern).getTime());
  });

  it('purges a closed concern with every index entry and its submission key', async () => {
    const concern = sampleConcern({ urgent: true, urgentReasons: ['safety-check'] });
    const other = sampleConcern();
    await store.submit(concern);
    await store.submit(other);
    await store.addInformation(concern.ref, 'later', new Date());
    await store.setStatus(concern.ref, 'closed', new Date(Date.now() - 60_000));
    expect(await helper.client.zRange(`${prefix}queue:${concern.agency}:closed`, 0, -1)).toEqual([concern.ref]);

    expect(await store.purgeClosedBefore(new Date())).toBe(1);
    expect(await openQueue(concern.agency)).toEqual([other.ref]);
    const keys = await keysUnderPrefix();
    expect(keys).not.toContain(`submission:${concern.submissionId}`);
    expect(keys).not.toContain(`queue:${concern.agency}:closed`);
    expect(keys).not.toContain(`alerts:${concern.agency}:urgent`);
    expect(await helper.client.zRange(`${prefix}alerts:${other.agency}:overdue`, 0, -1)).toEqual([other.ref]);
    expect(await helper.client.zRange(`${prefix}concerns`, 0, -1)).toEqual([other.ref]);
  });

  it('indexes concerns stored before the indexes (streams and all), once per version of the due rules', async () => {
    const older = sampleConcern({ receivedAt: '2025-03-01T09:00:00.000Z', urgent: true, urgentReasons: ['safety-check'] });
    const newer = sampleConcern({ receivedAt: '2025-03-02T09:00:00.000Z', status: 'closed' });
    // The layout before issue 15: the document, the all-concerns index, a stream per agency and its ids.
    for (const c of [older, newer]) {
      await helper.client.set(`${prefix}concern:${c.ref}`, JSON.stringify(c));
      await helper.client.set(`${prefix}submission:${c.submissionId}`, c.ref);
      await helper.client.zAdd(`${prefix}concerns`, { score: Date.parse(c.receivedAt), value: c.ref });
      const id = await helper.client.xAdd(`${prefix}queue:${c.agency}`, '*', { event: 'new', ref: c.ref, urgent: c.urgent ? '1' : '0' });
      await helper.client.rPush(`${prefix}streamids:${c.ref}`, id);
    }
    expect(await store.migrate('rules-1')).toBe(2);
    expect(await openQueue(older.agency)).toEqual([older.ref]);
    expect(await helper.client.zRange(`${prefix}queue:${newer.agency}:closed`, 0, -1)).toEqual([newer.ref]);
    expect((await store.owedAlerts(new Date('2025-03-01T09:01:00.000Z'), { agencies: [older.agency], limit: 5 })).map((a) => a.kind)).toEqual(['urgent']);
    const keys = await keysUnderPrefix();
    expect(keys.filter((k) => k.startsWith('streamids:') || k === `queue:${older.agency}`)).toEqual([]);
    const before = [...keys];
    expect(await store.migrate('rules-1')).toBe(0);
    expect(await keysUnderPrefix()).toEqual(before);
    // Other due rules: the overdue index is built again with them.
    const later = new RedisConcernStore(client, prefix, (c) => new Date(Date.parse(c.receivedAt) + 1000));
    expect(await later.migrate('rules-2')).toBe(2);
    expect(await helper.client.zScore(`${prefix}alerts:${older.agency}:overdue`, older.ref)).toBe(Date.parse(older.receivedAt) + 1000);
    expect(await openQueue(older.agency)).toEqual([older.ref]);
  });

  it('throws on a corrupt document without quoting it', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    await helper.client.set(`${prefix}concern:${concern.ref}`, '{"ref":"secret words here"');
    await expect(store.get(concern.ref)).rejects.toThrow(CorruptConcernError);
    await expect(store.list()).rejects.toThrow(/not JSON/);
    await expect(store.addInformation(concern.ref, 'x', new Date())).rejects.toThrow(CorruptConcernError);
    await helper.client.set(`${prefix}concern:${concern.ref}`, JSON.stringify({ ...concern, status: 'secret words here' }));
    const err = await store.get(concern.ref).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptConcernError);
    expect((err as Error).message).toMatch(/status/);
    expect((err as Error).message).not.toMatch(/secret/);
  });

  it('runs its scripts again after Redis lost them (NOSCRIPT)', async () => {
    await store.submit(sampleConcern());
    await helper.client.scriptFlush();
    const concern = sampleConcern();
    await store.submit(concern);
    expect(await store.addInformation(concern.ref, 'after flush', new Date())).toBe(true);
    expect(await store.list()).toHaveLength(2);
  });

  it('loses nothing when two service instances update one concern at once', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    const secondClient = await connectClient();
    try {
      const second = new RedisConcernStore(secondClient, prefix, testDueAt);
      const writes = Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? store : second).addInformation(concern.ref, `addition ${i}`, new Date()),
      );
      expect(await Promise.all(writes)).toEqual(Array(20).fill(true));
      expect((await store.get(concern.ref))?.additions).toHaveLength(20);
    } finally {
      await secondClient.close();
    }
  });

  it('rejects every call while it has no connection', async () => {
    const concern = sampleConcern();
    await store.submit(concern);
    await client.close();
    const at = new Date();
    await expect(store.submit(sampleConcern())).rejects.toThrow();
    await expect(store.get(concern.ref)).rejects.toThrow();
    await expect(store.list()).rejects.toThrow();
    await expect(store.addInformation(concern.ref, 'x', at)).rejects.toThrow();
    await expect(store.askQuestion(concern.ref, 'x', at)).rejects.toThrow();
    await expect(store.answerQuestion(concern.ref, 'q', 'x', at)).rejects.toThrow();
    await expect(store.setStatus(concern.ref, 'closed', at)).rejects.toThrow();
    await expect(store.purgeClosedBefore(at)).rejects.toThrow();
  });

  it('confirms nothing when the connection drops mid-submit, and a retry then stores exactly one concern', async () => {
    await store.submit(sampleConcern({ agency: 'warm-up' })); // scripts loaded: the next submit is one EVALSHA
    const storeClientId = String(await client.clientId());
    const concern = sampleConcern();
    // Writes are held, so the submit is sent but not run; then its connection is killed under it.
    await helper.client.sendCommand(['CLIENT', 'PAUSE', '10000', 'WRITE']);
    try {
      const submitting = store.submit(concern);
      submitting.catch(() => undefined);
      await waitFor(async () => /flags=b\b/.test(String(await helper.client.sendCommand(['CLIENT', 'LIST', 'ID', storeClientId]))));
      await helper.client.sendCommand(['CLIENT', 'KILL', 'ID', storeClientId]);
      await expect(submitting).rejects.toThrow();
      // Reconnecting (the backoff starts at 100 ms) with no offline queue: a retry now fails at once.
      expect(client.isReady).toBe(false);
      await expect(store.submit(concern)).rejects.toThrow(/offline/i);
    } finally {
      await helper.client.sendCommand(['CLIENT', 'UNPAUSE']);
    }
    await waitFor(async () => client.isReady);
    expect(await store.submit(concern)).toEqual({ ref: concern.ref, duplicate: false });
    expect(await store.submit(concern)).toEqual({ ref: concern.ref, duplicate: true });
    expect((await store.list({ agency: concern.agency })).map((c) => c.ref)).toEqual([concern.ref]);
    expect(await openQueue(concern.agency)).toEqual([concern.ref]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
