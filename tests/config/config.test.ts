import { ConfigError, loadConfig } from '../../src/config/config';
import { redactedSummary } from '../../src/config/configSummary';

/** 32 random bytes as base64url (43 characters), as `openssl rand -base64 32` would give. */
const TOKEN_SECRET = 'q3Zc9vKx1LmT7pW0rYhA5dEfG2jN8sUbXo4iQ6wVkHc';

describe('loadConfig', () => {
  it('runs in local mode on the embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, NODE_ENV: 'development', CONVERSATION_TTL_HOURS: 4 });
    expect(c.MicrosoftAppId).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', REDIS_URL: '' }).MicrosoftAppId).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ REDIS_URL: 'http://localhost' }, /REDIS_URL/],
    [{ CONVERSATION_TTL_HOURS: '72' }, /CONVERSATION_TTL_HOURS must be at most 24 hours/],
    [{ CONVERSATION_TTL_HOURS: '-1' }, /CONVERSATION_TTL_HOURS/],
    [{ MicrosoftAppType: 'Whatever' }, /MicrosoftAppType/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword is required/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses to start in production without an app id, saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', LOG_HASH_KEY: 'k'.repeat(32) })).toThrow(
      /MicrosoftAppId is required in production/,
    );
  });

  it('starts in production with an app id, password and hash key', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      LOG_HASH_KEY: 'k'.repeat(32),
      DIRECTLINE_TOKEN_SECRET: TOKEN_SECRET,
    });
    expect(c.MicrosoftAppId).toBe('app');
  });

  it('refuses production without DIRECTLINE_TOKEN_SECRET for the built-in Direct Line, but not with Azure\'s', () => {
    const production = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', LOG_HASH_KEY: 'k'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/DIRECTLINE_TOKEN_SECRET is required in production/);
    expect(loadConfig({ ...production, DIRECTLINE_SECRET: 'azure-secret' }).DIRECTLINE_TOKEN_SECRET).toBeUndefined();
  });

  it('refuses a DIRECTLINE_TOKEN_SECRET too short or too repetitive to be random, without echoing it', () => {
    expect(() => loadConfig({ DIRECTLINE_TOKEN_SECRET: 'short-secret-value' })).toThrow(/DIRECTLINE_TOKEN_SECRET must be at least 43 characters/);
    expect(() => loadConfig({ DIRECTLINE_TOKEN_SECRET: 'ab'.repeat(30) })).toThrow(/DIRECTLINE_TOKEN_SECRET looks too repetitive/);
    expect(() => loadConfig({ DIRECTLINE_TOKEN_SECRET: 'short-secret-value' })).not.toThrow(/short-secret-value/);
    expect(loadConfig({ DIRECTLINE_TOKEN_SECRET: TOKEN_SECRET }).DIRECTLINE_TOKEN_SECRET).toBe(TOKEN_SECRET);
  });
});

describe('redactedSummary', () => {
  it('never contains secrets or Redis credentials', () => {
    const c = loadConfig({
      MicrosoftAppId: 'the-app-id',
      MicrosoftAppPassword: 'the-password',
      REDIS_URL: 'redis://user:redis-secret@cache.example:6380',
      LOG_HASH_KEY: 'hash-key-0123456789',
      LANGUAGE_ENDPOINT: 'https://lang.example.cognitiveservices.azure.com/',
      LANGUAGE_KEY: 'language-secret-key',
      DIRECTLINE_TOKEN_SECRET: TOKEN_SECRET,
    });
    const text = JSON.stringify(redactedSummary(c));
    for (const secret of ['the-app-id', 'the-password', 'redis-secret', 'hash-key-0123456789', 'user:', 'language-secret-key', TOKEN_SECRET]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('redis://cache.example:6380');
  });
});

describe('report settings', () => {
  it('defaults to local language checks, a data directory and 90 days of retention', () => {
    const c = loadConfig({});
    expect([c.LANGUAGE_ENDPOINT, c.LANGUAGE_KEY, c.LANGUAGE_TIMEOUT_MS, c.DATA_DIR, c.CONCERN_RETENTION_DAYS]).toEqual([undefined, undefined, 3000, 'data', 90]);
  });

  it('refuses an Azure endpoint without a key, and a key without an endpoint, naming the missing one', () => {
    expect(() => loadConfig({ LANGUAGE_ENDPOINT: 'https://x.example/' })).toThrow(/LANGUAGE_KEY/);
    expect(() => loadConfig({ LANGUAGE_KEY: 'k' })).toThrow(/LANGUAGE_ENDPOINT/);
    expect(loadConfig({ LANGUAGE_ENDPOINT: 'https://x.example/', LANGUAGE_KEY: 'k' }).LANGUAGE_KEY).toBe('k');
  });
});

describe('ALERT_WEBHOOKS', () => {
  const SLACK = 'https://hooks.slack.com/services/T1/B1/slacksecret';
  const TEAMS = 'https://prod-00.uksouth.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=teamssecret';

  it('takes plain URLs (Slack) and {url, format} entries side by side, and the summary counts them without a URL', () => {
    const c = loadConfig({ ALERT_WEBHOOKS: JSON.stringify({ 'barnsley-front-door': SLACK, 'rotherham-mash': { url: TEAMS, format: 'teams' } }) });
    expect(c.ALERT_WEBHOOKS).toEqual({ 'barnsley-front-door': { url: SLACK, format: 'slack' }, 'rotherham-mash': { url: TEAMS, format: 'teams' } });
    const text = JSON.stringify(redactedSummary(c));
    expect(text).toContain('set for 2 agencies or routes (1 Teams, 1 Slack)');
    expect(text).not.toMatch(/slacksecret|teamssecret|hooks\.slack|logic\.azure/);
  });

  it('stops start-up naming the variable and the entry, never its URL', () => {
    const load = () => loadConfig({ ALERT_WEBHOOKS: JSON.stringify({ 'rotherham-mash': { url: TEAMS, format: 'adaptive' }, 'barnsley-front-door': { url: 'http://hooks.example/slacksecret' } }) });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ALERT_WEBHOOKS.*rotherham-mash\.format must be "slack" or "teams"/);
    expect(load).toThrow(/barnsley-front-door must be an https URL/);
    expect(load).not.toThrow(/slacksecret|teamssecret|hooks\.example|logic\.azure|adaptive/);
  });
});

describe('Twilio settings', () => {
  const SID = `AC${'0123456789abcdef'.repeat(2)}`;
  const AUTH = '0123456789abcdef0123456789abcdef';

  it('is off by default, and on with the account, the token and the public URL (a trailing slash dropped)', () => {
    expect(loadConfig({}).TWILIO_ACCOUNT_SID).toBeUndefined();
    const c = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_BASE_URL: 'https://chat.example.org/' });
    expect([c.TWILIO_ACCOUNT_SID, c.PUBLIC_BASE_URL, c.TWILIO_MESSAGES_PER_MINUTE]).toEqual([SID, 'https://chat.example.org', 20]);
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: SID, PUBLIC_BASE_URL: 'https://chat.example.org' }, /TWILIO_AUTH_TOKEN.*go together/],
    [{ TWILIO_AUTH_TOKEN: AUTH }, /TWILIO_ACCOUNT_SID.*go together/],
    [{ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH }, /PUBLIC_BASE_URL is required with Twilio/],
    [{ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: AUTH, PUBLIC_BASE_URL: 'https://chat.example.org' }, /TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits/],
    [{ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_BASE_URL: 'https://chat.example.org/?x=1' }, /PUBLIC_BASE_URL must be an origin/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('wants https in production, and never shows the token in the summary', () => {
    const production = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', LOG_HASH_KEY: 'k'.repeat(32), DIRECTLINE_TOKEN_SECRET: TOKEN_SECRET };
    expect(() => loadConfig({ ...production, TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_BASE_URL: 'http://chat.example.org' })).toThrow(/PUBLIC_BASE_URL must be https in production/);
    const c = loadConfig({ ...production, TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH, PUBLIC_BASE_URL: 'https://chat.example.org' });
    const summary = JSON.stringify(redactedSummary(c));
    expect(summary).not.toContain(AUTH);
    expect(summary).toContain('https://chat.example.org/api/twilio/messages');
  });
});
