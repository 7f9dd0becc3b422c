import { normaliseAnswer } from '../text/normaliseAnswer';
import type { FrontDoorDirectory } from './frontDoorDirectory';

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
  /** The same words, to find every one (for maskPlaces). */
  everyWord: RegExp;
  districts: ReadonlySet<string>;
}

// A postcode district ("s6", "dn12") on its own or with the inward half ("s6 4ab", "s64ab").
const POSTCODE = /(?<![\p{L}\p{N}])(s|dn)(\d{1,2})(?:\s?\d[a-z]{2})?(?![\p{L}\p{N}])/gu;

const compiled = new WeakMap<FrontDoorDirectory, readonly AreaMatcher[]>();

/** What a place someone typed tells us about the council area. */
export type PlaceMatch =
  /** One area, by place name, short form or postcode. */
  | { kind: 'area'; area: AreaId }
  /** Could be one of these: a postcode district on a border, or places in more than one area. */
  | { kind: 'ambiguous'; areas: AreaId[] }
  /** No South Yorkshire place we know. */
  | { kind: 'unknown' };

/**
 * The area a place names, by place name, short form or postcode, matched as whole words. A place name
 * settles a border district ("Mexborough S64" is Doncaster); a border district on its own, or places or
 * postcodes in two areas, are ambiguous: we would rather ask than guess.
 */
export function matchPlace(text: string, dir: FrontDoorDirectory): PlaceMatch {
  const said = normaliseAnswer(text);
  const districts = [...said.matchAll(POSTCODE)].map((m) => `${m[1]}${m[2]}`);
  const byWords = new Set<AreaId>();
  const byDistrict = new Set<AreaId>();
  for (const matcher of matchersFor(dir)) {
    if (matcher.words.test(said)) byWords.add(matcher.id);
    if (districts.some((d) => matcher.districts.has(d))) byDistrict.add(matcher.id);
  }
  const found = new Set([...byWords, ...byDistrict]);
  if (found.size === 1) return { kind: 'area', area: [...found][0]! };
  if (found.size > 1) return { kind: 'ambiguous', areas: AREA_IDS.filter((id) => found.has(id)) };
  const shared = new Set(
    dir
      .sharedDistricts()
      .filter((d) => districts.includes(d.district.toLowerCase()))
      .flatMap((d) => d.areas),
  );
  return shared.size > 0 ? { kind: 'ambiguous', areas: AREA_IDS.filter((id) => shared.has(id)) } : { kind: 'unknown' };
}

/** The one area a message names, or undefined when it names none or could mean more than one. */
export function detectArea(text: string, dir: FrontDoorDirectory): AreaId | undefined {
  const match = matchPlace(text, dir);
  return match.kind === 'area' ? match.area : undefined;
}

/** The one word every place is replaced by in maskPlaces. */
export const PLACE_WORD = 'someplace';

/**
 * The text with every South Yorkshire place name, short form and postcode district replaced by one word,
 * for the question classifier: "who do I call in Donny" and "who do I call in S63" read the same as "who do
 * I call in Barnsley", and a place that happened to appear in out-of-scope examples pulls no question that
 * way. The text comes back as it was when it names no place.
 */
export function maskPlaces(text: string, dir: FrontDoorDirectory): string {
  const said = normaliseAnswer(text);
  let masked = said.replace(POSTCODE, PLACE_WORD);
  for (const matcher of matchersFor(dir)) masked = masked.replace(matcher.everyWord, PLACE_WORD);
  return masked === said ? text : masked;
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
  const source = `(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`;
  return {
    id: area.id,
    words: new RegExp(source, 'u'),
    everyWord: new RegExp(source, 'gu'),
    districts: new Set(area.postcodeDistricts.map((d) => d.toLowerCase())),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
