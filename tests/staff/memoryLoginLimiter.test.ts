import { MemoryLoginLimiter } from '../../src/staff/memoryLoginLimiter';
import { at, describeLoginLimiterContract, HASH_KEY } from './loginLimiterContract';

describeLoginLimiterContract('MemoryLoginLimiter', async () => new MemoryLoginLimiter(HASH_KEY), async () => undefined);

describe('MemoryLoginLimiter options', () => {
  it('takes other limits', async () => {
    const limiter = new MemoryLoginLimiter(HASH_KEY, { maxFailures: 2, lockoutMs: 60_000, delaysMs: [0, 100] });
    await limiter.fail('k', at(0));
    expect(await limiter.check('k', at(1))).toEqual({ allowed: true, retryAfterSeconds: 0, delayMs: 100 });
    await limiter.fail('k', at(1));
    expect(await limiter.check('k', at(2))).toEqual({ allowed: false, retryAfterSeconds: 59, delayMs: 0 });
  });

  it('refuses bad limits and a short hash key when it is built', () => {
    expect(() => new MemoryLoginLimiter('short')).toThrow(/at least 16 bytes/);
    expect(() => new MemoryLoginLimiter(HASH_KEY, { maxFailures: 0 })).toThrow(/maxFailures/);
    expect(() => new MemoryLoginLimiter(HASH_KEY, { delaysMs: [] })).toThrow(/delaysMs/);
    expect(() => new MemoryLoginLimiter(HASH_KEY, { delaysMs: [-1] })).toThrow(/delaysMs/);
  });
});
