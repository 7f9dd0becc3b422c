import { loadConfig } from '../../src/config/config';
import { redactedSummary } from '../../src/config/configSummary';

describe('METRICS_TOKEN', () => {
  const TOKEN = 'b7c1f0e2d9a84c3b96e5f1a20d7c4e8fa3b2c1d0';

  it('is optional: unset, /metrics is not served', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '  ' }).METRICS_TOKEN).toBeUndefined();
  });

  it('must be at least 32 characters: a short one stops start-up with a message naming it', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'too-short' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });

  it('appears in the logged summary only as set or unset', () => {
    const text = JSON.stringify(redactedSummary(loadConfig({ METRICS_TOKEN: TOKEN })));
    expect(text).not.toContain(TOKEN);
    expect(redactedSummary(loadConfig({ METRICS_TOKEN: TOKEN })).METRICS_TOKEN).toMatch(/^set/);
    expect(redactedSummary(loadConfig({})).METRICS_TOKEN).toMatch(/^unset/);
  });
});
