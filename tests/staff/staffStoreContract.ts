import type { StaffAccount } from '../../src/staff/staffAccount';
import { StaffExistsError, type StaffStore } from '../../src/staff/staffStore';

export function sampleAccount(overrides: Partial<StaffAccount> = {}): StaffAccount {
  return {
    id: 'jo-bloggs-7k2p',
    agency: 'sheffield-safeguarding-hub',
    name: 'Jo Bloggs',
    role: 'duty',
    createdAt: '2025-03-01T09:00:00.000Z',
    disabledAt: null,
    ...overrides,
  };
}

const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

/** The behaviour every StaffStore must have; run against SQLite and the real Redis. */
export function describeStaffStoreContract(name: string, make: () => Promise<StaffStore>, teardown: () => Promise<void>) {
  describe(`${name} (StaffStore contract)`, () => {
    let store: StaffStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(teardown);

    it('gives back the account and its hash as added', async () => {
      const account = sampleAccount({ name: 'Zoë Ó’Brien 😀', role: 'manager' });
      await store.add(account, HASH);
      expect(await store.get(account.id)).toEqual({ account, passwordHash: HASH });
    });

    it('answers undefined for an unknown id, or one that could not be an id', async () => {
      await store.add(sampleAccount(), HASH);
      for (const id of ['no-such-person', 'JO-BLOGGS-7K2P', '', '../staff', 'jo-bloggs-7k2p:x']) {
        expect(await store.get(id)).toBeUndefined();
      }
    });

    it('refuses a second account with the same id and keeps the first', async () => {
      const first = sampleAccount();
      await store.add(first, HASH);
      await expect(store.add(sampleAccount({ name: 'Someone Else' }), 'scrypt$other')).rejects.toBeInstanceOf(StaffExistsError);
      expect(await store.get(first.id)).toEqual({ account: first, passwordHash: HASH });
      expect(await store.list()).toEqual([first]);
    });

    it('lets only one of two racing adds of the same id win', async () => {
      const results = await Promise.allSettled([store.add(sampleAccount({ name: 'A' }), HASH), store.add(sampleAccount({ name: 'B' }), HASH)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(StaffExistsError);
      expect(await store.list()).toHaveLength(1);
    });

    it('rejects an account that does not match the schema, writing nothing', async () => {
      await expect(store.add(sampleAccount({ id: 'Not An Id' }), HASH)).rejects.toThrow(/invalid staff account: account\.id/);
      await expect(store.add(sampleAccount(), '')).rejects.toThrow(/passwordHash/);
      expect(await store.list()).toEqual([]);
    });

    it('lists accounts by agency then id, optionally for one agency, without hashes', async () => {
      const accounts = [
        sampleAccount({ id: 'zed-0001', agency: 'barnsley-front-door' }),
        sampleAccount({ id: 'amy-0002', agency: 'south-yorkshire-police' }),
        sampleAccount({ id: 'bob-0003', agency: 'barnsley-front-door' }),
        sampleAccount({ id: 'amy-0001', agency: 'barnsley-front-door' }),
      ];
      for (const a of accounts) await store.add(a, HASH);
      expect((await store.list()).map((a) => a.id)).toEqual(['amy-0001', 'bob-0003', 'zed-0001', 'amy-0002']);
      expect((await store.list({ agency: 'south-yorkshire-police' })).map((a) => a.id)).toEqual(['amy-0002']);
      expect(await store.list({ agency: 'nobody' })).toEqual([]);
      expect(JSON.stringify(await store.list())).not.toContain('scrypt');
    });

    it('disables an account once: a second disable leaves the first date', async () => {
      const account = sampleAccount();
      await store.add(account, HASH);
      const first = await store.disable(account.id, new Date('2025-03-02T10:00:00.000Z'));
      expect(first).toEqual({ ...account, disabledAt: '2025-03-02T10:00:00.000Z' });
      expect(await store.disable(account.id, new Date('2025-03-03T10:00:00.000Z'))).toEqual(first);
      expect(await store.get(account.id)).toEqual({ account: first, passwordHash: HASH });
      expect(await store.list()).toEqual([first]);
    });

    it('answers undefined when disabling an account that does not exist, adding nothing', async () => {
      expect(await store.disable('no-such-person', new Date())).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });
  });
}
