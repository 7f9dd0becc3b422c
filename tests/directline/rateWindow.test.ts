import { RateWindow } from '../../src/directline/rateWindow';

describe('RateWindow', () => {
  it('allows the limit within the window, then says how long to wait, then allows again as hits age out', () => {
    let nowMs = 0;
    const w = new RateWindow(2, 60_000, () => nowMs);
    expect(w.hit('a').allowed).toBe(true);
    nowMs = 10_000;
    expect(w.hit('a').allowed).toBe(true);
    expect(w.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(w.hit('b').allowed).toBe(true); // keys are separate
    nowMs = 60_001;
    expect(w.hit('a').allowed).toBe(true);
    expect(w.hit('a').allowed).toBe(false);
  });
});
