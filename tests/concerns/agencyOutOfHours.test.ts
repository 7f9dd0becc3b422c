import { AgencyDirectory } from '../../src/concerns/agencies';
import { ContentError } from '../../src/content/loadYaml';
import { contentWith, type ContentCopy } from '../helpers/contentWith';

let content: ContentCopy | undefined;
afterEach(() => {
  content?.remove();
  content = undefined;
});

/** The shipped agencies.yaml with `lines` added to barnsley-front-door's entry. */
function loadWith(lines: string): AgencyDirectory {
  content = contentWith({
    'agencies.yaml': (yaml) => yaml.replace(/( {2}- id: barnsley-front-door\n(?: {4}.*\n)*? {4}kind: .*\n)/, `$1${lines}`),
  });
  return AgencyDirectory.load(content.dir);
}

describe('out-of-hours routes in content/agencies.yaml', () => {
  it('has none as shipped (the example is a comment)', () => {
    content = contentWith({});
    expect(AgencyDirectory.load(content.dir).outOfHoursRoutes().size).toBe(0);
  });

  it('reads an agency’s route: the webhook name and its working hours', () => {
    const agencies = loadWith('    outOfHours:\n      alert: emergency-duty-team\n      hours: { opens: "08:30", closes: "17:00" }\n');
    expect([...agencies.outOfHoursRoutes()]).toEqual([['barnsley-front-door', { alert: 'emergency-duty-team', hours: { opens: '08:30', closes: '17:00' } }]]);
  });

  it.each([
    ['no hours', '    outOfHours:\n      alert: emergency-duty-team\n'],
    ['a name that is not a webhook name', '    outOfHours:\n      alert: https://hooks.slack.com/x\n      hours: { opens: "08:30", closes: "17:00" }\n'],
    ['a time that is not HH:MM', '    outOfHours:\n      alert: edt\n      hours: { opens: "8.30am", closes: "17:00" }\n'],
    ['closing before opening', '    outOfHours:\n      alert: edt\n      hours: { opens: "17:00", closes: "08:30" }\n'],
    ['an unknown field', '    outOfHours:\n      alert: edt\n      url: https://hooks.slack.com/x\n      hours: { opens: "08:30", closes: "17:00" }\n'],
  ])('refuses a route with %s', (_what, lines) => {
    expect(() => loadWith(lines)).toThrow(ContentError);
  });
});
