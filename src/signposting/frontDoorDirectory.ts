import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';
import { AREA_IDS, normalisePlace, type AreaId } from './areas';

/** The days of the week as content/front-doors.yaml names them, Monday first. */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

const district = z.string().regex(/^(S|DN)\d{1,2}$/, 'expected a district like S6 or DN4');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

const contactSchema = z.strictObject({
  label: z.string().min(1),
  number: z.string().regex(/^\d[\d ]*\d$/, 'expected digits and spaces only'),
});

const hoursSchema = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1),
  // Left out when no source gives an opening time: the bot then never names one.
  opens: clockTime.optional(),
  closes: clockTime,
});

const frontDoorSchema = z
  .strictObject({
    label: z.string().min(1),
    number: contactSchema.shape.number.optional(),
    hours: z.array(hoursSchema).default([]),
    outOfHours: contactSchema.optional(),
    insteadOfNumber: z.array(contactSchema).min(2).optional(),
    sources: z.array(z.url()).min(1),
    owner: z.string().min(1),
    reviewed: z.iso.date(),
  })
  .refine((d) => (d.number ? d.hours.length > 0 && d.outOfHours && !d.insteadOfNumber : d.insteadOfNumber), {
    message: 'needs either number, hours and outOfHours, or (with no checked number) insteadOfNumber',
  });

const areaSchema = z.strictObject({
  id: z.enum(AREA_IDS),
  name: z.string().min(1),
  places: z.array(z.string().min(1)).min(1),
  shortForms: z.array(z.string().min(1)).default([]),
  postcodeDistricts: z.array(district),
  frontDoor: frontDoorSchema,
});

const sharedDistrictSchema = z.strictObject({
  district,
  areas: z.array(z.enum(AREA_IDS)).min(2),
  note: z.string().min(1),
});

const fileSchema = z.strictObject({ sharedDistricts: z.array(sharedDistrictSchema).default([]), areas: z.array(areaSchema) });

/** A postcode district that crosses a council border: a postcode there alone cannot say which area. */
export type SharedDistrict = z.infer<typeof sharedDistrictSchema>;

/** One council area: the words that name it and its children's services front door. */
export type AreaInfo = z.infer<typeof areaSchema>;
/** A council's children's services front door: who to ring, when, and where that comes from. */
export type FrontDoor = z.infer<typeof frontDoorSchema>;
/** Office hours on the listed days; `opens` is absent when no source gives it. */
export type OfficeHours = z.infer<typeof hoursSchema>;
/** Someone to ring: "the Safeguarding Hub", "0114 273 4855". */
export type Contact = z.infer<typeof contactSchema>;

/** The four South Yorkshire areas and their front doors, from content/front-doors.yaml. */
export class FrontDoorDirectory {
  private readonly byId: ReadonlyMap<AreaId, AreaInfo>;

  constructor(
    areas: readonly AreaInfo[],
    private readonly shared: readonly SharedDistrict[] = [],
  ) {
    const byId = new Map<AreaId, AreaInfo>();
    for (const area of areas) {
      if (byId.has(area.id)) throw new ContentError(`front doors: duplicate area ${area.id}`);
      byId.set(area.id, area);
    }
    const missing = AREA_IDS.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new ContentError(`front doors: missing area ${missing.join(', ')}`);
    assertNoSharedWords(areas);
    for (const d of shared) {
      const owner = areas.find((a) => a.postcodeDistricts.includes(d.district));
      if (owner) throw new ContentError(`front doors: ${d.district} is a shared district but also listed under ${owner.id}`);
    }
    this.byId = byId;
  }

  static load(contentDir: string): FrontDoorDirectory {
    const file = loadYaml(join(contentDir, 'front-doors.yaml'), fileSchema);
    return new FrontDoorDirectory(file.areas, file.sharedDistricts);
  }

  /** Districts that cross a council border, with the areas each one touches. */
  sharedDistricts(): readonly SharedDistrict[] {
    return this.shared;
  }

  /** All four areas, in alphabetical order. */
  areas(): AreaInfo[] {
    return AREA_IDS.map((id) => this.get(id));
  }

  get(id: AreaId): AreaInfo {
    const area = this.byId.get(id);
    if (!area) throw new Error(`front doors: unknown area ${id}`);
    return area;
  }
}

// A word or postcode district claimed by two areas could never pick one, so it is a content error.
function assertNoSharedWords(areas: readonly AreaInfo[]): void {
  const owner = new Map<string, AreaId>();
  for (const area of areas) {
    const words = [...area.places, ...area.shortForms].map(normalisePlace);
    for (const word of [...new Set([...words, ...area.postcodeDistricts.map((d) => d.toLowerCase())])]) {
      const other = owner.get(word);
      if (other) throw new ContentError(`front doors: "${word}" is listed under both ${other} and ${area.id}`);
      owner.set(word, area.id);
    }
  }
}
