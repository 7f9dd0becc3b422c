import { AlertRoutes, type OutOfHoursRoute } from '../../src/alerts/alertRoutes';

const NIGHT = new Date('2025-03-03T22:00:00Z');
const DAY = new Date('2025-03-03T10:00:00Z');
/** In hours 09:00–17:00 UTC, any day (the calendar itself is tested in tests/triage/workingHours.test.ts). */
const to = (webhook: string): OutOfHoursRoute => ({ webhook, inHours: (at) => at.getUTCHours() >= 9 && at.getUTCHours() < 17 });
const urgent = (agency: string) => ({ kind: 'urgent' as const, ref: 'ABCD-EFGH-JKLM-NPQR', agency });
const overdue = (agency: string) => ({ kind: 'overdue' as const, ref: 'ABCD-EFGH-JKLM-NPQR', agency });

describe('AlertRoutes', () => {
  const routes = new AlertRoutes(
    new Set(['barnsley-front-door', 'south-yorkshire-police', 'emergency-duty-team']),
    new Map([
      ['barnsley-front-door', to('emergency-duty-team')],
      ['sheffield-safeguarding-hub', to('emergency-duty-team')],
      ['doncaster-front-door', to('south-yorkshire-police')],
      ['south-yorkshire-police', to('south-yorkshire-police')],
      ['rotherham-mash', to('not-configured')],
    ]),
  );

  it('sends an urgent alert to the agency’s own webhook in hours, and to its route as well out of hours', () => {
    expect(routes.destinations(urgent('barnsley-front-door'), DAY)).toEqual(['barnsley-front-door']);
    expect(routes.destinations(urgent('barnsley-front-door'), NIGHT)).toEqual(['barnsley-front-door', 'emergency-duty-team']);
  });

  it('keeps overdue alerts with the agency’s own webhook at any hour', () => {
    expect(routes.destinations(overdue('barnsley-front-door'), NIGHT)).toEqual(['barnsley-front-door']);
    expect(routes.destinations(overdue('sheffield-safeguarding-hub'), NIGHT)).toEqual([]);
  });

  it('lets a route name another agency’s webhook, and never names a webhook twice', () => {
    expect(routes.destinations(urgent('doncaster-front-door'), NIGHT)).toEqual(['south-yorkshire-police']);
    expect(routes.destinations(urgent('south-yorkshire-police'), NIGHT)).toEqual(['south-yorkshire-police']);
  });

  it('names only webhooks that exist', () => {
    expect(routes.destinations(urgent('rotherham-mash'), NIGHT)).toEqual([]);
    expect(routes.destinations(urgent('sheffield-safeguarding-hub'), DAY)).toEqual([]);
  });

  it('reaches an agency with its own webhook or a configured route, and not one with neither', () => {
    expect(['barnsley-front-door', 'sheffield-safeguarding-hub', 'doncaster-front-door', 'rotherham-mash', 'partnership-fallback'].filter((a) => routes.reaches(a))).toEqual([
      'barnsley-front-door',
      'sheffield-safeguarding-hub',
      'doncaster-front-door',
    ]);
  });
});
