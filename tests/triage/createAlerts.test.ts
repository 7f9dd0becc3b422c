import type { AlertWebhook } from '../../src/alerts/webhookConfig';
import { AgencyDirectory } from '../../src/concerns/agencies';
import { checkAlertWebhooks } from '../../src/triage/createAlerts';
import { contentWith, type ContentCopy } from '../helpers/contentWith';

const hook = (secret: string): AlertWebhook => ({ url: `https://hooks.slack.com/services/T1/B1/${secret}`, format: 'slack' });

let content: ContentCopy | undefined;
afterEach(() => {
  content?.remove();
  content = undefined;
});

/** The shipped agencies, with an out-of-hours route for each agency `routes` names. */
function agenciesWith(routes: Record<string, string>): AgencyDirectory {
  content = contentWith({
    'agencies.yaml': (yaml) =>
      Object.entries(routes).reduce(
        (text, [agency, webhook]) =>
          text.replace(new RegExp(`( {2}- id: ${agency}\\n(?: {4}.*\\n)*? {4}kind: .*\\n)`), `$1    outOfHours:\n      alert: ${webhook}\n      hours: { opens: "09:00", closes: "17:00" }\n`),
        yaml,
      ),
  });
  return AgencyDirectory.load(content.dir);
}

describe('checkAlertWebhooks', () => {
  it('accepts webhooks for agencies and for the routes content names, including a route to another agency’s webhook', () => {
    const agencies = agenciesWith({ 'barnsley-front-door': 'emergency-duty-team', 'doncaster-front-door': 'south-yorkshire-police' });
    expect(() => checkAlertWebhooks({ 'emergency-duty-team': hook('a'), 'south-yorkshire-police': hook('b') }, agencies)).not.toThrow();
  });

  it('names each agency whose route names a webhook ALERT_WEBHOOKS does not hold, and no URL', () => {
    const agencies = agenciesWith({ 'barnsley-front-door': 'emergency-duty-team', 'rotherham-mash': 'rotherham-edt' });
    const check = () => checkAlertWebhooks({ 'barnsley-front-door': hook('s3cr3t') }, agencies);
    expect(check).toThrow(
      "content/agencies.yaml: barnsley-front-door's outOfHours.alert names emergency-duty-team; rotherham-mash's outOfHours.alert names rotherham-edt, which ALERT_WEBHOOKS does not hold",
    );
    expect(check).not.toThrow(/s3cr3t|hooks\.slack/);
  });

  it('refuses a webhook named for neither an agency nor a route', () => {
    const agencies = agenciesWith({});
    expect(() => checkAlertWebhooks({ 'emergency-duty-team': hook('s3cr3t') }, agencies)).toThrow('ALERT_WEBHOOKS names unknown agency emergency-duty-team');
  });
});
