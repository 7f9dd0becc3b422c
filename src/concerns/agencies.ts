import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';
import { AREA_IDS, type AreaId } from '../signposting/areas';
import type { ConcernSubject } from './concern';

const agencySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower case letters, digits and hyphens'),
  name: z.string().min(1),
  kind: z.enum(['childrens-services', 'police', 'fallback']),
  // Outside its working hours (the triage clock's working days, from `opens` until `closes`, London time),
  // an urgent alert for this agency also goes to the webhook `alert` names in ALERT_WEBHOOKS.
  outOfHours: z
    .strictObject({
      alert: z.string().regex(/^[a-z0-9-]+$/, 'a webhook name in ALERT_WEBHOOKS: lower case letters, digits and hyphens'),
      hours: z
        .strictObject({
          opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)'),
          closes: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)'),
        })
        .refine((h) => h.opens < h.closes, 'opens must be before closes'),
    })
    .optional(),
});

const routeTable = z.record(z.enum([...AREA_IDS, 'elsewhere']), z.string().min(1));

const fileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  agencies: z.array(agencySchema).min(1),
  routes: z.strictObject({ child: routeTable, place: routeTable }),
  /** Agencies that get a concern as well as the one it is routed to (each its own part), by case and area. */
  alsoTo: z.strictObject({ 'place-with-children': z.partialRecord(z.enum([...AREA_IDS, 'elsewhere']), z.string().min(1)) }).partial().default({}),
});

/** An agency with its own queue of concerns. */
export type Agency = z.infer<typeof agencySchema>;
type Routes = z.infer<typeof fileSchema>['routes'];
type AlsoTo = z.infer<typeof fileSchema>['alsoTo'];

/** Where a concern goes: the agency whose queue it is routed to, and any that get it as well. */
export interface Route {
  agency: Agency;
  alsoTo: Agency[];
}

/** The agencies of a partnership and which of them receives which concern (content/agencies.yaml). */
export class AgencyDirectory {
  private readonly byId: ReadonlyMap<string, Agency>;

  constructor(
    agencies: readonly Agency[],
    private readonly routes: Routes,
    private readonly alsoTo: AlsoTo = {},
  ) {
    const byId = new Map<string, Agency>();
    for (const agency of agencies) {
      if (byId.has(agency.id)) throw new ContentError(`agencies: duplicate id ${agency.id}`);
      byId.set(agency.id, agency);
    }
    for (const [subject, table] of Object.entries(routes)) {
      for (const [place, id] of Object.entries(table)) {
        if (!byId.has(id)) throw new ContentError(`agencies: routes.${subject}.${place} names unknown agency ${id}`);
      }
    }
    for (const [when, table] of Object.entries(alsoTo)) {
      for (const [place, id] of Object.entries(table)) {
        if (!byId.has(id)) throw new ContentError(`agencies: alsoTo.${when}.${place} names unknown agency ${id}`);
        const routed = routes.place[place as AreaId | 'elsewhere'];
        if (routed === id) throw new ContentError(`agencies: alsoTo.${when}.${place} names ${id}, which the route already gives it to`);
      }
    }
    this.byId = byId;
  }

  static load(contentDir: string): AgencyDirectory {
    const file = loadYaml(join(contentDir, 'agencies.yaml'), fileSchema);
    return new AgencyDirectory(file.agencies, file.routes, file.alsoTo);
  }

  /** Where a concern goes: by what it is about and the council area (null: unknown or outside the area). */
  routeFor(subject: ConcernSubject, area: AreaId | null): Agency {
    const table = subject === 'place' ? this.routes.place : this.routes.child;
    return this.get(table[area ?? 'elsewhere']);
  }

  /**
   * Where a concern goes, with the agencies that get it as well: a place where the reporter says children
   * under 18 are involved also goes to that area's children's front door (as content/agencies.yaml says).
   */
  routesFor(subject: ConcernSubject, area: AreaId | null, childrenInvolved: boolean): Route {
    const agency = this.routeFor(subject, area);
    const also = subject === 'place' && childrenInvolved ? this.alsoTo['place-with-children']?.[area ?? 'elsewhere'] : undefined;
    return { agency, alsoTo: also && also !== agency.id ? [this.get(also)] : [] };
  }

  all(): Agency[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Agency {
    const agency = this.byId.get(id);
    if (!agency) throw new Error(`agencies: unknown agency ${id}`);
    return agency;
  }

  /** Agency id → its out-of-hours route (the webhook name and its working hours), for agencies that have one. */
  outOfHoursRoutes(): Map<string, NonNullable<Agency['outOfHours']>> {
    const routes = new Map<string, NonNullable<Agency['outOfHours']>>();
    for (const agency of this.byId.values()) if (agency.outOfHours) routes.set(agency.id, agency.outOfHours);
    return routes;
  }
}
