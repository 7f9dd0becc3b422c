import { MemoryStorage } from '../../src/storage/memoryStorage';
import { describeStorageContract } from './storageContract';

let now = 0;
describeStorageContract(
  'MemoryStorage',
  async () => {
    now = 1_000;
    const storage = new MemoryStorage(60_000, () => now);
    return {
      storage,
      expire: async () => {
        now += 60_001;
      },
    };
  },
  async () => undefined,
);

describe('MemoryStorage TTL', () => {
  it('restarts the TTL on every write, so an active conversation is kept', async () => {
    let t = 0;
    const storage = new MemoryStorage(1000, () => t);
    await storage.write({ a: { n: 1 } });
    t = 900;
    await storage.write({ a: { n: 2, eTag: '*' } });
    t = 1500;
    expect((await storage.read(['a'])).a).toMatchObject({ n: 2 });
    t = 1901;
    expect(storage.size()).toBe(0);
  });
});
