import { evaluateKb, type KbFigures } from '../../scripts/knowledge/evaluate';

const rate = (n: number, d: number) => n / d;

/** Measured 2026-12-02 with the shipped model (dev is in its training data since the refit; test is not). */
const DEV = { right: 0.67, wrong: 0.017 };
const TEST = { right: 0.55, wrong: 0.026, outOfScopeAnswered: 0.02 };
const TEST_BY_CHANNEL = { webchat: 0.52, sms: 0.63, whatsapp: 0.57 };

/**
 * What people are sent, through the real bot in their own channel, for every question of the dev and the
 * frozen test split (npm run eval:kb prints every figure). These are floors at the figures measured when
 * the model was trained (2026-12-02): a change that lowers them fails here. They are not the issue's
 * targets (90% answered right on test), which this version does not reach: see the README.
 */
describe('eval:kb through the bot', () => {
  let dev: KbFigures;
  let test: KbFigures;
  beforeAll(async () => {
    [dev, test] = (await evaluateKb(['dev', 'test'])) as [KbFigures, KbFigures];
  }, 300_000);

  it('dev split: no fewer right answers and no more wrong ones than when the model was trained', () => {
    expect(rate(dev.right, dev.inScope)).toBeGreaterThanOrEqual(DEV.right);
    expect(rate(dev.wrong, dev.inScope)).toBeLessThanOrEqual(DEV.wrong);
    expect(rate(dev.outOfScopeAnswered, dev.outOfScope)).toBeLessThanOrEqual(0.05);
  });

  it('test split (never tuned on): no lower than when it was first run; "did you mean" and out of scope within the issue\'s limits', () => {
    expect(rate(test.right, test.inScope)).toBeGreaterThanOrEqual(TEST.right);
    expect(rate(test.wrong, test.inScope)).toBeLessThanOrEqual(TEST.wrong);
    expect(rate(test.didYouMean, test.inScope)).toBeLessThanOrEqual(0.1);
    expect(rate(test.outOfScopeAnswered, test.outOfScope)).toBeLessThanOrEqual(TEST.outOfScopeAnswered);
  });

  it('test split, channel by channel (web chat, SMS, WhatsApp): every channel has questions, none falls below half answered right', () => {
    for (const channel of ['webchat', 'sms', 'whatsapp'] as const) {
      const c = test.byChannel[channel]!;
      expect(c.inScope).toBeGreaterThan(0);
      expect({ channel, right: rate(c.right, c.inScope) >= TEST_BY_CHANNEL[channel] }).toEqual({ channel, right: true });
    }
  });

  it('a place named anywhere in a question decides the local number: never another area\'s', () => {
    for (const f of [dev, test]) {
      expect(f.local.named).toBeGreaterThan(0);
      expect(f.local.wrong).toBe(0);
    }
  });
});
