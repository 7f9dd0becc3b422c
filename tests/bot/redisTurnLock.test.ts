import { RedisTurnLock } from '../../src/bot/redisTurnLock';
import { TurnLockTimeoutError } from '../../src/bot/turnLock';
import { TurnQueue } from '../../src/bot/turnQueue';
import { createLogger } from '../../src/logging/logger';
import { createRedisClient, type RedisClient } from '../../src/storage/redisClient';
import { RedisStorage } from '../../src/storage/redisStorage';
import { FencedOutError } from '../../src/storage/writeFence';
import { TcpProxy } from '../helpers/tcpProxy';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';

/** The turn lock as two servers see it: two clients on one Redis under one prefix. */
describe('RedisTurnLock', () => {
  const prefix = uniquePrefix();
  let helper: TestRedis;
  const clients: RedisClient[] = [];
  const server = async (options: ConstructorParameters<typeof RedisTurnLock>[3] = {}) => {
    const client = createRedisClient(TEST_REDIS_URL, createLogger('silent'));
    await client.connect();
    clients.push(client);
    return new RedisTurnLock(client, prefix, createLogger('silent'), options);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    helper = await connectTestRedis();
  });
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => undefined);
    await helper.clean(prefix);
    await helper.close();
  });

  it('runs the turns of one conversation one at a time across servers, and others beside them', async () => {
    const [a, b] = [new TurnQueue(await server()), new TurnQueue(await server())];
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const turn = (n: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(5);
      order.push(n);
      running -= 1;
      return n;
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => (n % 2 === 0 ? a : b).run('conversation-1', turn(n))));
    expect(results).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect(most).toBe(1);
    expect(order).toHaveLength(12);
    // Another conversation is not held up by this one.
    const other = await server();
    let inside = false;
    await other.around('conversation-1', async () => {
      inside = true;
      expect(await Promise.race([a.run('conversation-2', async () => 'free'), sleep(2000).then(() => 'blocked')])).toBe('free');
    });
    expect(inside).toBe(true);
  });

  it('gives up after its bounded wait, and frees a conversation whose holder died when its lease ends', async () => {
    const holder = await server({ leaseMs: 400 });
    const waiter = await server({ waitMs: 150 });
    let release: () => void = () => undefined;
    const held = holder.around('conversation-3', () => new Promise<void>((r) => (release = r)));
    await sleep(50);
    await expect(waiter.around('conversation-3', async () => 'ran')).rejects.toBeInstanceOf(TurnLockTimeoutError);
    // The holder extends its lease while its turn runs: still held well past one lease.
    await sleep(600);
    await expect(waiter.around('conversation-3', async () => 'ran')).rejects.toBeInstanceOf(TurnLockTimeoutError);
    release();
    await held;
    expect(await waiter.around('conversation-3', async () => 'ran')).toBe('ran');

    // A holder that vanished (its key left with a lease, nobody extending it): free once the lease ends.
    await helper.client.set(`${prefix}turnlock:conversation-4`, '999999', { PX: 300 });
    const patient = await server({ waitMs: 3000 });
    expect(await patient.around('conversation-4', async () => 'ran')).toBe('ran');
  });

  it('never releases a lock that is no longer its own', async () => {
    const lock = await server({ leaseMs: 30_000 });
    await lock.around('conversation-5', async () => {
      // Someone else holds it now (our lease was lost): our release must leave theirs alone.
      await helper.client.set(`${prefix}turnlock:conversation-5`, 'someone-else');
    });
    expect(await helper.client.get(`${prefix}turnlock:conversation-5`)).toBe('someone-else');
  });

  it('takes back at once its own lock that Redis going away kept it from releasing (no wait for the lease)', async () => {
    const target = new URL(TEST_REDIS_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const client = createRedisClient(proxy.url, createLogger('silent'));
    await client.connect();
    clients.push(client);
    try {
      const lock = new RedisTurnLock(client, prefix, createLogger('silent'), { leaseMs: 30_000, waitMs: 500 });
      // The connection dies during the turn: the release fails, and the lock stays in Redis with its lease.
      await lock.around('conversation-6', async () => {
        await proxy.down();
      });
      await proxy.up();
      for (let i = 0; i < 300 && !client.isReady; i++) await sleep(100);
      expect(client.isReady).toBe(true);
      expect(await helper.client.get(`${prefix}turnlock:conversation-6`)).not.toBeNull();
      // This server's next turn of that conversation runs at once, well inside its 500 ms wait.
      expect(await lock.around('conversation-6', async () => 'ran')).toBe('ran');
      expect(await helper.client.get(`${prefix}turnlock:conversation-6`)).toBeNull();
      // Another server never takes it over that way: it waits like anyone.
      await helper.client.set(`${prefix}turnlock:conversation-7`, '424242', { PX: 30_000 });
      await expect(lock.around('conversation-7', async () => 'ran')).rejects.toBeInstanceOf(TurnLockTimeoutError);
    } finally {
      await proxy.down();
    }
  });

  it('fences the state: a turn that lost its lock while it ran cannot overwrite or delete what the later turn saved', async () => {
    const [slow, fast] = [await server(), await server()];
    const storage = new RedisStorage(helper.client as unknown as RedisClient, prefix, 60_000);
    const lockKey = `${prefix}turnlock:conversation-8`;
    let stalled!: () => void;
    const woken = new Promise<void>((resolve) => (stalled = resolve));
    const slowTurn = slow.around('conversation-8', async () => {
      await storage.write({ 'conv-8': { step: 1, eTag: '*' } }); // holds the lock: saved
      await woken; // stalls: its lease runs out (here, the lock key goes) and another server's turn runs
      await expect(storage.write({ 'conv-8': { step: 'stale', eTag: '*' } })).rejects.toBeInstanceOf(FencedOutError);
      await expect(storage.delete(['conv-8'])).rejects.toBeInstanceOf(FencedOutError);
    });
    for (let i = 0; i < 100 && (await helper.client.get(lockKey)) === null; i++) await sleep(10);
    await helper.client.del(lockKey);
    await fast.around('conversation-8', async () => {
      expect((await storage.read(['conv-8']))['conv-8']).toMatchObject({ step: 1 });
      await storage.write({ 'conv-8': { step: 2, eTag: '*' } });
      stalled();
      await slowTurn;
    });
    expect((await storage.read(['conv-8']))['conv-8']).toMatchObject({ step: 2 });
    // Outside any turn (a sweep, the operator's tools) writes are not fenced.
    await storage.write({ 'conv-8': { step: 3, eTag: '*' } });
    expect((await storage.read(['conv-8']))['conv-8']).toMatchObject({ step: 3 });
    await storage.delete(['conv-8']);
    expect(await storage.read(['conv-8'])).toEqual({});
  });
});
