import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, loadConfig } from '../../src/config/config';

describe('deploy/clearsight.env.example', () => {
  const lines = readFileSync(join(__dirname, '..', '..', 'deploy', 'clearsight.env.example'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const env = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

  it('names only variables the service reads', () => {
    const known = Object.keys(configSchema.shape);
    expect(Object.keys(env).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('is a valid production configuration once its secrets are filled in', () => {
    const config = loadConfig({ ...env, MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-password', MicrosoftAppTenantId: 'tenant', LOG_HASH_KEY: 'x'.repeat(32), DIRECTLINE_TOKEN_SECRET: 'q3Zc9vKx1LmT7pW0rYhA5dEfG2jN8sUbXo4iQ6wVkHc' });
    expect(config.NODE_ENV).toBe('production');
    expect(config.WEBCHAT_EMBED_ORIGINS).toContain('https://www.sheffield.gov.uk');
    expect(config.DIRECTLINE_SECRET).toBeUndefined();
    expect(config.DIRECTLINE_TOKEN_SECRET).toBeDefined();
    expect(config.ALERT_WEBHOOKS).toEqual({});
  });

  it('shows an ALERT_WEBHOOKS example that parses: a plain URL as Slack, an entry with its format', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'deploy', 'clearsight.env.example'), 'utf8');
    const example = /^# ALERT_WEBHOOKS=(.*)$/m.exec(text)?.[1];
    expect(example).toBeDefined();
    const config = loadConfig({ ALERT_WEBHOOKS: example });
    expect(Object.fromEntries(Object.entries(config.ALERT_WEBHOOKS).map(([name, hook]) => [name, hook.format]))).toEqual({
      'barnsley-front-door': 'slack',
      'rotherham-mash': 'teams',
      'emergency-duty-team': 'slack',
    });
  });
});
