import { patternFinder, type DetailFinder } from './patternFinder';

/*
 * Full UK postcodes ("S70 2TA", "sw1a 1aa") and house-number-plus-street addresses ("12 Acacia Road",
 * "flat 3, 45 High Street"). A postcode district on its own ("S70") is not identifying and is kept:
 * reports need the area. A street without a number is not reported either.
 */
const OUTWARD = '[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(String.raw`(?<![\w-])(?:${OUTWARD}\s?${INWARD}|GIR\s?0AA)(?![\w-])`, 'dgi');

/** Postcode only, the whole string: Azure reports postcodes as addresses; we call them postcodes. */
export function isFullPostcode(text: string): boolean {
  return new RegExp(`^(?:${OUTWARD}\\s?${INWARD}|GIR\\s?0AA)$`, 'i').test(text.trim());
}

/** Street words that are not also everyday words: safe to recognise in lower case ("12 acacia road"). */
const PLAIN_STREET_TYPES = 'road|street|avenue|lane|close|drive|crescent|terrace|gardens|grove|court|mews';
const STREET_TYPES = [
  'Road', 'Rd', 'Street', 'St', 'Avenue', 'Ave', 'Lane', 'Ln', 'Close', 'Drive', 'Dr', 'Way', 'Crescent',
  'Cres', 'Court', 'Ct', 'Place', 'Pl', 'Grove', 'Gardens', 'Gdns', 'Terrace', 'Tce', 'Walk', 'Hill',
  'Square', 'Sq', 'Mews', 'Row', 'View', 'Rise', 'Green', 'Parade', 'Vale', 'Croft', 'Fold', 'Mount',
  'Gate', 'Park', 'Approach', 'Chase', 'Grange', 'Meadows?', 'Boulevard', 'Villas', 'Wharf', 'Yard',
  'Brow', 'Bank', 'Wynd', 'Brae', 'Loan', 'Hey', 'Side', 'Field', 'Fields', 'Lea', 'Dale', 'End',
].join('|');

const FLAT = String.raw`(?:(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit)\s+\d{1,4}[A-Za-z]?,?\s+)?`;
const HOUSE = String.raw`\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+`;
const START = String.raw`(?<![\w£$€.,:/-])`;

/** "12 Acacia Road", "45 St Mary's Rd", "3 Long Lane": street name words capitalised. */
const ADDRESS = new RegExp(
  String.raw`${START}${FLAT}${HOUSE}(?:[A-Z][A-Za-z'’-]*\s+){1,3}(?:(?:${STREET_TYPES})|${PLAIN_STREET_TYPES})\b`,
  'dg',
);

/** "12 acacia road": all lower case, so only with an unambiguous street word and no everyday words. */
const LOWERCASE_ADDRESS = new RegExp(
  String.raw`${START}${FLAT}${HOUSE}(?<words>(?:[a-z][a-z'’-]+\s+){1,2})(?:${PLAIN_STREET_TYPES})\b`,
  'dg',
);

const NOT_STREET_NAMES = new Set(
  ('the a an on in at up down to of off by near from into onto past along across round around and or ' +
    'this that same other next busy quiet dark whole our my his her their your mins minutes ' +
    'hours houses doors lads boys girls kids men people cars times days streets roads miles yards').split(' '),
);

function isLowercaseAddress(detail: string): boolean {
  const words = detail.match(/[a-z][a-z'’-]+/g) ?? [];
  // The last word is the street type; "flat"/"apartment" may lead.
  return words.slice(0, -1).every((w) => !NOT_STREET_NAMES.has(w) || /^(?:flat|apartment|apt|unit)$/.test(w));
}

export const addressFinders: readonly DetailFinder[] = [
  patternFinder(POSTCODE, 'postcode'),
  patternFinder(ADDRESS, 'address'),
  patternFinder(LOWERCASE_ADDRESS, 'address', { accept: isLowercaseAddress }),
];
