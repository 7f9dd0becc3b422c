import type { Storage } from 'botbuilder';

export interface StorageHarness {
  storage: Storage;
  /** Makes time pass beyond the TTL (a fake clock, or a real wait for short TTLs). */
  expire(): Promise<void>;
}

/** The behaviour every Storage of ours must have; run against the memory store and the real Redis. */
export function describeStorageContract(name: string, make: () => Promise<StorageHarness>, teardown: () => Promise<void>) {
  describe(`${name} (Storage contract)`, () => {
    let h: StorageHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(teardown);

    it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
      await h.storage.write({ a: { count: 1, nested: { ok: true } } });
      const items = await h.storage.read(['a', 'missing']);
      expect(items.a).toMatchObject({ count: 1, nested: { ok: true } });
      expect(typeof items.a?.eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });

    it('gives a new eTag on every write', async () => {
      await h.storage.write({ a: { n: 1 } });
      const first = (await h.storage.read(['a'])).a?.eTag;
      await h.storage.write({ a: { n: 2, eTag: first } });
      const second = (await h.storage.read(['a'])).a?.eTag;
      expect(second).not.toEqual(first);
    });

    it('rejects a write with a stale eTag and keeps the newer value', async () => {
      await h.storage.write({ a: { n: 1 } });
      const stale = (await h.storage.read(['a'])).a?.eTag;
      await h.storage.write({ a: { n: 2, eTag: stale } });
      await expect(h.storage.write({ a: { n: 3, eTag: stale } })).rejects.toThrow(/eTag/);
      expect((await h.storage.read(['a'])).a).toMatchObject({ n: 2 });
    });

    it("overwrites with eTag '*' whatever is stored", async () => {
      await h.storage.write({ a: { n: 1 } });
      await h.storage.write({ a: { n: 9, eTag: '*' } });
      expect((await h.storage.read(['a'])).a).toMatchObject({ n: 9 });
    });

    it('lets exactly one of two writers holding the same eTag win', async () => {
      await h.storage.write({ a: { n: 0 } });
      const etag = (await h.storage.read(['a'])).a?.eTag;
      const results = await Promise.allSettled([
        h.storage.write({ a: { n: 1, eTag: etag } }),
        h.storage.write({ a: { n: 2, eTag: etag } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    });

    it('deletes', async () => {
      await h.storage.write({ a: { n: 1 }, b: { n: 2 } });
      await h.storage.delete(['a']);
      const items = await h.storage.read(['a', 'b']);
      expect(items.a).toBeUndefined();
      expect(items.b).toMatchObject({ n: 2 });
    });

    it('forgets items once the TTL has passed', async () => {
      await h.storage.write({ a: { n: 1 } });
      await h.expire();
      expect((await h.storage.read(['a'])).a).toBeUndefined();
    });

    it('returns copies, so changing a read item does not change the store', async () => {
      await h.storage.write({ a: { list: [1] } });
      const items = await h.storage.read(['a']);
      (items.a as { list: number[] }).list.push(2);
      expect((await h.storage.read(['a'])).a).toMatchObject({ list: [1] });
    });
  });
}
