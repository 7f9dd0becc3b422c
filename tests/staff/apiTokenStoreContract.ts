import { hashSecret, type ApiToken } from '../../src/staff/apiToken';
import { ApiTokenExistsError, type ApiTokenRecord, type ApiTokenStore } from '../../src/staff/apiTokenStore';

export function sampleToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 'k7pm3xq9rt4w',
    staffId: 'jo-bloggs-7k2p',
    label: 'Case system sync',
    createdAt: '2025-03-01T09:00:00.000Z',
    expiresAt: '2025-05-30T09:00:00.000Z',
    lastUsedDay: null,
    revokedAt: null,
    ...overrides,
  };
}

export function sampleRecord(overrides: Partial<ApiToken> = {}): ApiTokenRecord {
  const token = sampleToken(overrides);
  return { token, secretHash: hashSecret(token.id, 'the-secret') };
}

const AT = new Date('2025-03-05T12:00:00.000Z');

/** The behaviour every ApiTokenStore must have; run against SQLite and the real Redis. */
export function describeApiTokenStoreContract(name: string, make: () => Promise<ApiTokenStore>, teardown: () => Promise<void>) {
  describe(`${name} (ApiTokenStore contract)`, () => {
    let store: ApiTokenStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(teardown);

    it('gives back the token and its hash as added', async () => {
      const record = sampleRecord({ label: 'Zoë’s sync 😀' });
      await store.add(record);
      expect(await store.get(record.token.id)).toEqual(record);
      await store.add(sampleRecord({ id: 'empty0000000', label: '' }));
      expect((await store.get('empty0000000'))?.token.label).toBe('');
    });

    it('answers undefined for an unknown id, or one that could not be an id', async () => {
      await store.add(sampleRecord());
      for (const id of ['000000000000', 'K7PM3XQ9RT4W', '', '../apitoken', 'k7pm3xq9rt4w:x', 'k7pm3xq9rt4']) expect(await store.get(id)).toBeUndefined();
    });

    it('refuses a second token with the same id and keeps the first', async () => {
      await store.add(sampleRecord());
      await expect(store.add(sampleRecord({ staffId: 'someone-else' }))).rejects.toBeInstanceOf(ApiTokenExistsError);
      expect((await store.get('k7pm3xq9rt4w'))?.token.staffId).toBe('jo-bloggs-7k2p');
      expect(await store.listFor('someone-else')).toEqual([]);
    });

    it('rejects a record that does not match the schema, writing nothing', async () => {
      await expect(store.add(sampleRecord({ id: 'Not An Id' }))).rejects.toThrow(/invalid API token: token\.id/);
      await expect(store.add({ token: sampleToken(), secretHash: 'the-secret' })).rejects.toThrow(/secretHash/);
      expect(await store.listFor('jo-bloggs-7k2p')).toEqual([]);
    });

    it("lists one person's tokens, oldest first, and nobody else's", async () => {
      await store.add(sampleRecord({ id: 's2c0nd000000', createdAt: '2025-03-02T09:00:00.000Z' }));
      await store.add(sampleRecord({ id: 'f1rst0000000' }));
      await store.add(sampleRecord({ id: '0ther0000000', staffId: 'al-0001' }));
      expect((await store.listFor('jo-bloggs-7k2p')).map((t) => t.id)).toEqual(['f1rst0000000', 's2c0nd000000']);
      expect(await store.listFor('al-0001')).toEqual([sampleToken({ id: '0ther0000000', staffId: 'al-0001' })]);
      expect(await store.listFor('nobody-0000')).toEqual([]);
      expect(await store.listFor('Not An Id')).toEqual([]);
    });

    it('revokes a token once (a second revoke keeps the first time) and says undefined for none', async () => {
      await store.add(sampleRecord());
      expect(await store.revoke('k7pm3xq9rt4w', AT)).toEqual(sampleToken({ revokedAt: AT.toISOString() }));
      expect(await store.revoke('k7pm3xq9rt4w', new Date('2025-04-01T00:00:00.000Z'))).toEqual(sampleToken({ revokedAt: AT.toISOString() }));
      expect(await store.revoke('000000000000', AT)).toBeUndefined();
      expect(await store.get('000000000000')).toBeUndefined();
    });

    it("revokes all of a person's live tokens at once, counting only those it revoked", async () => {
      await store.add(sampleRecord({ id: 'f1rst0000000' }));
      await store.add(sampleRecord({ id: 's2c0nd000000' }));
      await store.add(sampleRecord({ id: '0ther0000000', staffId: 'al-0001' }));
      await store.revoke('f1rst0000000', new Date('2025-03-03T00:00:00.000Z'));
      expect(await store.revokeAllFor('jo-bloggs-7k2p', AT)).toBe(1);
      expect((await store.listFor('jo-bloggs-7k2p')).map((t) => t.revokedAt)).toEqual(['2025-03-03T00:00:00.000Z', AT.toISOString()]);
      expect((await store.get('0ther0000000'))?.token.revokedAt).toBeNull();
      expect(await store.revokeAllFor('jo-bloggs-7k2p', AT)).toBe(0);
      expect(await store.revokeAllFor('nobody-0000', AT)).toBe(0);
    });

    it('records the day a token was last used, and never makes a token that is not there', async () => {
      await store.add(sampleRecord());
      await store.markUsed('k7pm3xq9rt4w', '2025-03-04');
      expect((await store.get('k7pm3xq9rt4w'))?.token.lastUsedDay).toBe('2025-03-04');
      await store.markUsed('000000000000', '2025-03-04');
      expect(await store.get('000000000000')).toBeUndefined();
    });
  });
}
