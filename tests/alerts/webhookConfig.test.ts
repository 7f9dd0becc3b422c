import { checkWebhookAgencies, isWebhookUrl, parseAlertWebhooks, type AlertWebhook } from '../../src/alerts/webhookConfig';

const SLACK = 'https://hooks.slack.com/services/T0001/B0001/s3cr3tS3cr3tS3cr3t';
const TEAMS = 'https://prod-00.uksouth.logic.azure.com/workflows/0123abcd/triggers/manual/paths/invoke?sig=s3cr3tSig';
const slack = (url: string): AlertWebhook => ({ url, format: 'slack' });

/** The error parseAlertWebhooks throws for `raw`. */
function errorFor(raw: string): Error {
  try {
    parseAlertWebhooks(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(Error);
    return err as Error;
  }
  throw new Error('expected parseAlertWebhooks to throw');
}

describe('parseAlertWebhooks', () => {
  it('reads agency ids to https webhook URLs, a plain URL being a Slack webhook as before formats existed', () => {
    expect(parseAlertWebhooks(JSON.stringify({ 'barnsley-front-door': SLACK, 'sheffield-childrens': TEAMS }))).toEqual({
      'barnsley-front-door': slack(SLACK),
      'sheffield-childrens': slack(TEAMS),
    });
  });

  it('reads {url, format} entries: "teams" for a Teams Workflows webhook, "slack" (the default) otherwise', () => {
    const raw = JSON.stringify({
      'rotherham-mash': { url: TEAMS, format: 'teams' },
      'barnsley-front-door': { url: SLACK, format: 'slack' },
      'emergency-duty-team': { url: SLACK },
      'sheffield-childrens': SLACK,
    });
    expect(parseAlertWebhooks(raw)).toEqual({
      'rotherham-mash': { url: TEAMS, format: 'teams' },
      'barnsley-front-door': slack(SLACK),
      'emergency-duty-team': slack(SLACK),
      'sheffield-childrens': slack(SLACK),
    });
  });

  it('refuses bad {url, format} entries, naming the entry and never quoting a URL or a value', () => {
    const err = errorFor(
      JSON.stringify({
        'bad-format': { url: TEAMS, format: 'msteams-s3cr3tFormat' },
        'bad-url': { url: 'http://hooks.example/s3cr3tPlain', format: 'teams' },
        'no-url': { format: 'teams' },
        'url-not-string': { url: 42 },
        'extra-field': { url: SLACK, [SLACK]: 'teams' },
        'an-array': [SLACK],
        'a-null': null,
      }),
    );
    expect(err.message).toContain('ALERT_WEBHOOKS.bad-format.format must be "slack" or "teams"');
    expect(err.message).toContain('ALERT_WEBHOOKS.bad-url must be an https URL');
    expect(err.message).toContain('ALERT_WEBHOOKS.no-url.url must be a URL string');
    expect(err.message).toContain('ALERT_WEBHOOKS.url-not-string.url must be a URL string');
    expect(err.message).toContain('ALERT_WEBHOOKS.extra-field may hold only "url" and "format"');
    expect(err.message).toContain('ALERT_WEBHOOKS.an-array must be a URL string or {"url"');
    expect(err.message).toContain('ALERT_WEBHOOKS.a-null must be a URL string or {"url"');
    expect(err.message).not.toMatch(/s3cr3t|hooks\.slack|hooks\.example|logic\.azure|msteams/);
  });

  it('gives no webhooks when the variable is unset or blank', () => {
    expect(parseAlertWebhooks(undefined)).toEqual({});
    expect(parseAlertWebhooks('  ')).toEqual({});
    expect(parseAlertWebhooks('{}')).toEqual({});
  });

  it('allows plain http only to this machine', () => {
    expect(parseAlertWebhooks('{"local":"http://127.0.0.1:8080/hook","named":{"url":"http://localhost/hook","format":"teams"}}')).toEqual({
      local: slack('http://127.0.0.1:8080/hook'),
      named: { url: 'http://localhost/hook', format: 'teams' },
    });
    const err = errorFor(JSON.stringify({ 'barnsley-front-door': 'http://hooks.slack.com/services/T0001/B0001/plainSecret' }));
    expect(err.message).toContain('ALERT_WEBHOOKS.barnsley-front-door must be an https URL');
    expect(err.message).not.toContain('plainSecret');
  });

  it('names the variable and the agency for each bad value, never quoting a URL', () => {
    const err = errorFor(JSON.stringify({ good: SLACK, 'bad-scheme': 'ftp://files.example/s3cr3tFtp', 'not-a-url': 's3cr3tWord', number: 5 }));
    expect(err.message).toMatch(/^ALERT_WEBHOOKS\./);
    expect(err.message).toContain('ALERT_WEBHOOKS.bad-scheme must be an https URL');
    expect(err.message).toContain('ALERT_WEBHOOKS.not-a-url must be an https URL');
    expect(err.message).toContain('ALERT_WEBHOOKS.number must be a URL string');
    expect(err.message).not.toMatch(/s3cr3t|hooks\.slack|files\.example/);
  });

  it('does not echo a key that is not an agency id (a key and URL swapped round)', () => {
    const err = errorFor(JSON.stringify({ [SLACK]: 'barnsley-front-door' }));
    expect(err.message).toContain('ALERT_WEBHOOKS has a key that is not an agency id');
    expect(err.message).not.toContain('s3cr3t');
  });

  it('refuses JSON that is not an object, or not JSON, without quoting it', () => {
    expect(errorFor(JSON.stringify([SLACK])).message).toContain('ALERT_WEBHOOKS must be a JSON object of agency id to webhook URL');
    const broken = errorFor(`{"barnsley-front-door": "${SLACK}"`);
    expect(broken.message).toContain('ALERT_WEBHOOKS is not valid JSON');
    expect(broken.message).not.toContain('s3cr3t');
    expect(errorFor(`{"barnsley-front-door": ${SLACK}}`).message).not.toContain('s3cr3t');
  });
});

describe('isWebhookUrl', () => {
  it('takes https anywhere and http to this machine only', () => {
    expect(isWebhookUrl(SLACK)).toBe(true);
    expect(isWebhookUrl('http://[::1]:9000/hook')).toBe(true);
    expect(isWebhookUrl('http://10.0.0.5/hook')).toBe(false);
    expect(isWebhookUrl('https//missing-colon')).toBe(false);
    expect(isWebhookUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('checkWebhookAgencies', () => {
  it('accepts webhooks for known agencies', () => {
    expect(() => checkWebhookAgencies({ 'barnsley-front-door': slack(SLACK) }, ['barnsley-front-door', 'sheffield-childrens'])).not.toThrow();
  });

  it('names each unknown agency, and not its URL', () => {
    const check = () =>
      checkWebhookAgencies({ 'barnsley-front-door': slack(SLACK), 'barnsely-typo': { url: TEAMS, format: 'teams' }, 'leeds-mash': slack(SLACK) }, ['barnsley-front-door']);
    expect(check).toThrow('ALERT_WEBHOOKS names unknown agencies barnsely-typo, leeds-mash');
    expect(check).not.toThrow(/s3cr3t|logic\.azure/);
  });
});
