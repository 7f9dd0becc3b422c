import { checkWebhookAgencies, isWebhookUrl, parseAlertWebhooks } from '../../src/alerts/webhookConfig';

const SLACK = 'https://hooks.slack.com/services/T0001/B0001/s3cr3tS3cr3tS3cr3t';
const TEAMS = 'https://example.webhook.office.com/webhookb2/abc@def/IncomingWebhook/0123456789/secret-guid';

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
  it('reads agency ids to https webhook URLs', () => {
    expect(parseAlertWebhooks(JSON.stringify({ 'barnsley-front-door': SLACK, 'sheffield-childrens': TEAMS }))).toEqual({
      'barnsley-front-door': SLACK,
      'sheffield-childrens': TEAMS,
    });
  });

  it('gives no webhooks when the variable is unset or blank', () => {
    expect(parseAlertWebhooks(undefined)).toEqual({});
    expect(parseAlertWebhooks('  ')).toEqual({});
    expect(parseAlertWebhooks('{}')).toEqual({});
  });

  it('allows plain http only to this machine', () => {
    expect(parseAlertWebhooks('{"local":"http://127.0.0.1:8080/hook","named":"http://localhost/hook"}')).toEqual({
      local: 'http://127.0.0.1:8080/hook',
      named: 'http://localhost/hook',
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
    expect(() => checkWebhookAgencies({ 'barnsley-front-door': SLACK }, ['barnsley-front-door', 'sheffield-childrens'])).not.toThrow();
  });

  it('names each unknown agency, and not its URL', () => {
    const check = () => checkWebhookAgencies({ 'barnsley-front-door': SLACK, 'barnsely-typo': TEAMS, 'leeds-mash': SLACK }, ['barnsley-front-door']);
    expect(check).toThrow('ALERT_WEBHOOKS names unknown agencies barnsely-typo, leeds-mash');
    expect(check).not.toThrow(/s3cr3t|secret-guid/);
  });
});
