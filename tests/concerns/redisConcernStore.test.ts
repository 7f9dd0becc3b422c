import { CorruptConcernError } from '../../src/concerns/concernStoreErrors';
import { RedisConcernStore, TRIAGE_GROUP } from '../../src/concerns/redisConcernStore';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { sampleConcern } from '../helpers/concerns';
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
  return new RedisConcernStore(client, prefix);
}

async function teardown(): Promise<void> {
  await helper.clean(prefix);
  if (client.isOpen) await client.close();
}

/** The queue entries of an agency's stream, as field maps. */
async function entries(agency: string): Promise<Record<string, string>[]> {
  const stream = await helper.client.xRange(`${prefix}queue:${agency}`, '-', '+');
  return (stream ?? []).map((e) => ({ ...e.message }) as Record<string, string>);
}

async function keysUnderPrefix(): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of helper.client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
  return keys.map((k) => k.slice(prefix.length)).sort();
}

describeConcernStoreContract(
  'RedisConcernStore',
  async () => ({
    store: await makeStore(),
    queued: async (agency) => (await entries(agency)).filter((e) => e.event === 'new').map((e) => e.ref ?? '').sort(),
  }),
  teardown,
);

describe('RedisConcernStore specifics', () => {
  let store: RedisConcernStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(teardown);

  it('keeps every key under its prefix, in the documented layout', async () => {
    const concern = sampleConcern({ agency: 'south-yorkshire-police' });
    await store.submit(concern);
    expect(await keysUnderPrefix()).toEqual(
      [
        `concern:${concern.ref}`,
        'concerns',
        'queue:south-yorkshire-police',
        `streamids:${concern.ref}`,
        `submission:${concern.submissionId}`,
      ].sort(),
    );
    expect(await helper.client.get(`${prefix}submission:${concern.submissionId}`)).toBe(concern.ref);
    expect(await helper.client.zScore(`${prefix}concerns`, concern.ref)).toBe(Date.parse(concern.receivedAt));
  });

  it('creates the queue and its triage group on a fresh prefix, and a consumer reads new, addition and answer events', async () => {
    const concern = sampleConcern({ urgent: true, urgentReasons: ['safety-check'] });
    await store.submit(concern);
    const groups = await helper.client.xInfoGroups(`${prefix}queue:${concern.agency}`);
    expect(groups.map((g) => g.name)).toEqual([TRIAGE_GROUP]);

    await store.addInformation(concern.ref, 'later', new Date());
    const id = await store.askQuestion(concern.ref, 'asked', new Date());
    await store.answerQuestion(concern.ref, id!, 'answered', new Date());
    await store.setStatus(concern.ref, 'being-looked-at', new Date());

    const read = await helper.client.xReadGroup(TRIAGE_GROUP, 'duty-1', { key: `${prefix}queue:${concern.agency}`, id: '>' }, { COUNT: 10 });
    const messages = (read as { messages: { message: Record<string, string> }[] }[] | null)?.[0]?.messages ?? [];
    // Questions and status changes come from staff: they do not go back onto the staff's own queue.
    expect(messages.map((m) => ({ ...m.message }))).toEqual([
      { event: 'new', ref: concern.ref, urgent: '1' },
      { event: 'addition', ref: concern.ref },
      { event: 'answer', ref: concern.ref },
    ]);
  });

  it('purges a closed concern’s queue entries, pending ones included, and its submission key', async () => {
    const concern = sampleConcern();
    const other = sampleConcern();
    await store.submit(concern);
    await store.submit(other);
    await store.addInformation(concern.ref, 'later', new Date());
    const queue = `${prefix}queue:${concern.agency}`;
    await helper.client.xReadGroup(TRIAGE_GROUP, 'duty-1', { key: queue, id: '>' }, { COUNT: 10 });
    await store.setStatus(concern.ref, 'closed', new Date(Date.now() - 60_000));

    expect(await store.purgeClosedBefore(new Date())).toBe(1);
    expect((await entries(concern.agency)).map((e) => e.ref)).toEqual([other.ref]);
    const pending = await helper.client.xPending(queue, TRIAGE_GROUP);
    expect(pending.pending).toBe(1);
    expect(await keysUnderPrefix()).not.toContain(`submission:${concern.submissionId}`);
    expect(await keysUnderPrefix()).not.toContain(`streamids:${concern.ref}`);
    expect(await helper.client.zRange(`${prefix}concerns`, 0, -1)).toEqual([other.ref]);
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
      const second = new RedisConcernStore(secondClient, prefix);
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
    expect((await entries(concern.agency)).map((e) => e.ref)).toEqual([concern.ref]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
