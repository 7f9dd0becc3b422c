import { defaultContentDir } from '../../src/content/contentDir';
import { ContentError } from '../../src/content/loadYaml';
import { AgencyDirectory } from '../../src/concerns/agencies';
import { matchPlace } from '../../src/signposting/areas';
import { FrontDoorDirectory } from '../../src/signposting/frontDoorDirectory';

const agencies = AgencyDirectory.load(defaultContentDir());
const doors = FrontDoorDirectory.load(defaultContentDir());

/** Routes as the report dialog does: the place typed, then the table. */
function route(subject: 'child' | 'place' | 'not-sure', placeText: string): string {
  const place = matchPlace(placeText, doors);
  return agencies.routeFor(subject, place.kind === 'area' ? place.area : null).id;
}

describe('routing table (content/agencies.yaml)', () => {
  it.each([
    ['S70 2TA', 'barnsley-front-door'],
    ['DN1', 'doncaster-front-door'],
    ['S60', 'rotherham-mash'],
    ['S1 2HE', 'sheffield-safeguarding-hub'],
    ['Mexborough', 'doncaster-front-door'],
    ['Goldthorpe', 'barnsley-front-door'],
    ['Maltby', 'rotherham-mash'],
    ['Hillsborough', 'sheffield-safeguarding-hub'],
  ])('a worry about a child in %s goes to %s', (place, agency) => {
    expect(route('child', place)).toBe(agency);
    expect(route('not-sure', place)).toBe(agency);
  });

  it('sends information about a place or people in South Yorkshire to the police', () => {
    for (const place of ['a flat in Doncaster', 'S70', 'Hillsborough', 'Maltby']) {
      expect(route('place', place)).toBe('south-yorkshire-police');
    }
  });

  it('never routes nowhere: unknown and outside places go to the fallback queue', () => {
    for (const subject of ['child', 'place', 'not-sure'] as const) {
      expect(route(subject, 'Leeds')).toBe('partnership-fallback');
      expect(route(subject, '')).toBe('partnership-fallback');
    }
  });

  it('gives every agency a name and a kind, with one fallback', () => {
    expect(agencies.all().filter((a) => a.kind === 'fallback')).toHaveLength(1);
    expect(agencies.all().map((a) => a.id)).toEqual(
      expect.arrayContaining(['barnsley-front-door', 'doncaster-front-door', 'rotherham-mash', 'sheffield-safeguarding-hub', 'south-yorkshire-police']),
    );
  });

  it('refuses a routing table that names an agency that does not exist', () => {
    const table = { barnsley: 'nobody', doncaster: 'x', rotherham: 'x', sheffield: 'x', elsewhere: 'x' };
    expect(() => new AgencyDirectory([{ id: 'x', name: 'X', kind: 'fallback' }], { child: table, place: table })).toThrow(ContentError);
    expect(() => new AgencyDirectory([{ id: 'x', name: 'X', kind: 'fallback' }], { child: table, place: table })).toThrow('unknown agency nobody');
  });

  it('shares a place where children are involved with that area\u2019s children\u2019s front door, as well as the police', () => {
    const also = (subject: 'child' | 'place' | 'not-sure', area: 'barnsley' | 'rotherham' | null, children: boolean) => {
      const r = agencies.routesFor(subject, area, children);
      return [r.agency.id, ...r.alsoTo.map((a) => a.id)];
    };
    expect(also('place', 'rotherham', true)).toEqual(['south-yorkshire-police', 'rotherham-mash']);
    expect(also('place', 'barnsley', true)).toEqual(['south-yorkshire-police', 'barnsley-front-door']);
    // No children said to be involved, or a worry about a child (it goes to the front door already): one agency.
    expect(also('place', 'rotherham', false)).toEqual(['south-yorkshire-police']);
    expect(also('child', 'rotherham', true)).toEqual(['rotherham-mash']);
    expect(also('not-sure', 'rotherham', true)).toEqual(['rotherham-mash']);
    // Outside South Yorkshire: the fallback desk only (it passes it on).
    expect(also('place', null, true)).toEqual(['partnership-fallback']);
  });

  it('refuses an alsoTo entry that names an unknown agency, or the agency the route already gives it to', () => {
    const table = { barnsley: 'x', doncaster: 'x', rotherham: 'x', sheffield: 'x', elsewhere: 'x' };
    const list = [{ id: 'x', name: 'X', kind: 'fallback' as const }, { id: 'y', name: 'Y', kind: 'police' as const }];
    expect(() => new AgencyDirectory(list, { child: table, place: table }, { 'place-with-children': { barnsley: 'nobody' } })).toThrow('alsoTo.place-with-children.barnsley names unknown agency nobody');
    expect(() => new AgencyDirectory(list, { child: table, place: table }, { 'place-with-children': { barnsley: 'x' } })).toThrow('which the route already gives it to');
    expect(new AgencyDirectory(list, { child: table, place: table }, { 'place-with-children': { barnsley: 'y' } }).routesFor('place', 'barnsley', true).alsoTo.map((a) => a.id)).toEqual(['y']);
  });
});
