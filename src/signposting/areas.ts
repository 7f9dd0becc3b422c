import { normaliseAnswer } from '../text/normaliseAnswer';
import type { FrontDoorDirectory } from './frontDoors';

/** The four South Yorkshire council areas. */
export const AREA_IDS = ['barnsley', 'doncaster', 'rotherham', 'sheffield'] as const;

/** One South Yorkshire council area. */
export type AreaId = (typeof AREA_IDS)[number];

/** The words that tell us which area someone means (from content/front-doors.yaml). */
export interface AreaWords {
  id: AreaId;
  places: readonly string[];
  shortForms: readonly string[];
  postcodeDistricts: readonly string[];
}

interface AreaMatcher {
  id: AreaId;
  words: RegExp;
  districts: ReadonlySet<string>;
}

// A postcode district ("s6", "dn12") on its own or with the inward half ("s6 4ab", "s64ab").
const POSTCODE = /(?<![\p{L}\p{N}])(s|dn)(\d{1,2})(?:\s?\d[a-z]{2})?(?![\p{L}\p{N}])/gu;

const compiled = new WeakMap<FrontDoorDirectory, readonly AreaMatcher[]>();

/**
 * The area a message names, by place name, short form or postcode, matched as whole words.
 * Undefined when it names none, or names more than one area (we would rather ask than guess).
 */
export function detectArea(text: string, dir: FrontDoorDirectory): AreaId | undefined {
  const said = normaliseAnswer(text);
  const found = new Set<AreaId>();
  const districts = [...said.matchAll(POSTCODE)].map((m) => `${m[1]}${m[2]}`);
  for (const matcher of matchersFor(dir)) {
    if (matcher.words.test(said) || districts.some((d) => matcher.districts.has(d))) found.add(matcher.id);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A place or short form as detectArea compares it: lower case, straight apostrophes, no punctuation. */
export function normalisePlace(place: string): string {
  return normaliseAnswer(place);
}

function matchersFor(dir: FrontDoorDirectory): readonly AreaMatcher[] {
  let matchers = compiled.get(dir);
  if (!matchers) {
    matchers = dir.areas().map(compileMatcher);
    compiled.set(dir, matchers);
  }
  return matchers;
}

function compileMatcher(area: AreaWords): AreaMatcher {
  const terms = [...area.places, ...area.shortForms].map(normalisePlace).map(escapeRegExp);
  return {
    id: area.id,
    words: new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    districts: new Set(area.postcodeDistricts.map((d) => d.toLowerCase())),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
