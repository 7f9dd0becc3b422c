import type { LoginLimiter } from '../../src/staff/loginLimiter';

export const HASH_KEY = 'a-test-hash-key-of-32-characters';
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000);

const ALLOWED = (delayMs: number) => ({ allowed: true, retryAfterSeconds: 0, delayMs });

/** The behaviour every LoginLimiter must have with the default limits; run against SQLite and the real Redis. */
export function describeLoginLimiterContract(name: string, make: () => Promise<LoginLimiter>, teardown: () => Promise<void>) {
  describe(`${name} (LoginLimiter contract)`, () => {
    let limiter: LoginLimiter;
    beforeEach(async () => {
      limiter = await make();
    });
    afterEach(teardown);

    it('allows at once with no failures, then delays 250, 500, 1000, 2000 ms after each failure', async () => {
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        const verdict = await limiter.check('jo-bloggs-7k2p', at(i));
        expect(verdict.allowed).toBe(true);
        delays.push(verdict.delayMs);
        if (i < 4) await limiter.fail('jo-bloggs-7k2p', at(i));
      }
      expect(delays).toEqual([0, 250, 500, 1000, 2000]);
    });

    it('locks the key out for 15 minutes at the fifth failure within 15 minutes, then lets it try afresh', async () => {
      for (let i = 0; i < 5; i++) await limiter.fail('jo-bloggs-7k2p', at(i * 60));
      expect(await limiter.check('jo-bloggs-7k2p', at(240))).toEqual({ allowed: false, retryAfterSeconds: 900, delayMs: 0 });
      expect(await limiter.check('jo-bloggs-7k2p', at(240 + 899.5))).toEqual({ allowed: false, retryAfterSeconds: 1, delayMs: 0 });
      // A failure that raced the lockout neither counts nor extends it.
      await limiter.fail('jo-bloggs-7k2p', at(600));
      expect(await limiter.check('jo-bloggs-7k2p', at(240 + 900))).toEqual(ALLOWED(0));
      expect(await limiter.check('someone-else', at(300))).toEqual(ALLOWED(0));
    });

    it('forgets failures older than the window: five spread over more than 15 minutes do not lock out', async () => {
      for (const minute of [0, 4, 8, 12, 16]) await limiter.fail('a-person', at(minute * 60));
      expect(await limiter.check('a-person', at(16 * 60))).toEqual(ALLOWED(2000));
      expect(await limiter.check('a-person', at(31 * 60))).toEqual(ALLOWED(0));
    });

    it('resets on success', async () => {
      for (let i = 0; i < 4; i++) await limiter.fail('a-person', at(i));
      await limiter.succeed('a-person');
      expect(await limiter.check('a-person', at(5))).toEqual(ALLOWED(0));
      await limiter.fail('a-person', at(6));
      expect(await limiter.check('a-person', at(7))).toEqual(ALLOWED(250));
    });

    it('counts each key apart (a name and an address are separate keys)', async () => {
      for (let i = 0; i < 5; i++) await limiter.fail('203.0.113.7', at(i));
      expect((await limiter.check('203.0.113.7', at(5))).allowed).toBe(false);
      expect(await limiter.check('jo-bloggs-7k2p', at(5))).toEqual(ALLOWED(0));
    });
  });
}
