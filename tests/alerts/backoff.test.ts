import { backoffDelay, retryAfterMs } from '../../src/alerts/backoff';

const backoff = { baseMs: 1000, maxMs: 300_000 };

describe('backoffDelay', () => {
  it('doubles per failure, between half and all of the doubled wait', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, backoff, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, backoff, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('below the cap, never waits less than after the failure before, whatever the jitter', () => {
    // 2^8 s = 256 s is the last doubled wait under the 300 s cap.
    for (let n = 1; n < 9; n += 1) expect(backoffDelay(n + 1, backoff, () => 0)).toBeGreaterThanOrEqual(backoffDelay(n, backoff, () => 1));
  });

  it('is capped at maxMs, even after very many failures', () => {
    expect(backoffDelay(30, backoff, () => 1)).toBe(300_000);
    expect(backoffDelay(5000, backoff, () => 1)).toBe(300_000);
    expect(backoffDelay(5000, backoff, () => 0)).toBe(150_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-03-03T09:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 1.5 ', now)).toBe(1500);
    expect(retryAfterMs('Mon, 03 Mar 2025 09:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Mon, 03 Mar 2025 08:00:00 GMT', now)).toBe(0);
  });

  it('is undefined when there is no header or it cannot be read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
