import type { SessionStore } from '../../src/staff/sessionStore';

export const TIMEOUTS = { idleMs: 30 * 60_000, absoluteMs: 8 * 60 * 60_000 };
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** The behaviour every SessionStore must have (with TIMEOUTS); run against SQLite and the real Redis. */
export function describeSessionStoreContract(name: string, make: () => Promise<SessionStore>, teardown: () => Promise<void>) {
  describe(`${name} (SessionStore contract)`, () => {
    let store: SessionStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(teardown);

    it('creates a session under a 32-byte base64url token, with a CSRF token of its own', async () => {
      const { token, session } = await store.create('jo-bloggs-7k2p', at(0));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.csrfToken).not.toBe(token);
      expect(session).toEqual({ staffId: 'jo-bloggs-7k2p', csrfToken: session.csrfToken, createdAt: at(0).toISOString(), lastSeenAt: at(0).toISOString() });
      expect(await store.get(token, at(1))).toEqual({ ...session, lastSeenAt: at(1).toISOString() });
    });

    it('answers undefined for an unknown token', async () => {
      await store.create('jo-bloggs-7k2p', at(0));
      expect(await store.get('not-a-token', at(0))).toBeUndefined();
      expect(await store.get('', at(0))).toBeUndefined();
    });

    it('ends a session left idle too long, and keeps one in use alive past the idle time', async () => {
      const idle = await store.create('a-person', at(0));
      const busy = await store.create('a-person', at(0));
      for (const minute of [20, 40, 60]) expect(await store.get(busy.token, at(minute))).toBeDefined();
      expect(await store.get(idle.token, at(31))).toBeUndefined();
      // Once over, over: going back in time does not revive it.
      expect(await store.get(idle.token, at(1))).toBeUndefined();
    });

    it('ends a session at the absolute limit however busy it is', async () => {
      const { token } = await store.create('a-person', at(0));
      for (let minute = 25; minute < 8 * 60; minute += 25) expect(await store.get(token, at(minute))).toBeDefined();
      expect(await store.get(token, at(8 * 60))).toBeUndefined();
    });

    it('destroys one session, leaving the others', async () => {
      const a = await store.create('a-person', at(0));
      const b = await store.create('a-person', at(0));
      await store.destroy(a.token);
      await store.destroy('never-issued');
      expect(await store.get(a.token, at(1))).toBeUndefined();
      expect((await store.get(b.token, at(1)))?.staffId).toBe('a-person');
    });

    it('destroys all of one person\'s sessions and says how many, leaving other people\'s', async () => {
      const mine = [await store.create('a-person', at(0)), await store.create('a-person', at(1))];
      const theirs = await store.create('b-person', at(0));
      expect(await store.destroyAllFor('a-person')).toBe(2);
      for (const { token } of mine) expect(await store.get(token, at(2))).toBeUndefined();
      expect((await store.get(theirs.token, at(2)))?.staffId).toBe('b-person');
      expect(await store.destroyAllFor('a-person')).toBe(0);
    });
  });
}
