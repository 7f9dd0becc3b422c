import { ANSWER_PREFIX, FIXED_MEASURES, SAFETY_KINDS, SAFETY_PREFIX, type FixedMeasure } from '../../indicators/indicatorMeasures';

/** The measures drawn as charts as well as tables: the ones a quarterly report leads with. */
export const HEADLINE_MEASURES: readonly string[] = ['concerns', 'urgent', 'decided', 'decided_in_time'];

/** A part of the indicators page: a heading and the measures under it, in report order. */
export interface MeasureSection {
  id: string;
  heading: string;
  measures: string[];
}

const FIXED_ORDER = Object.keys(FIXED_MEASURES) as FixedMeasure[];
/** Everything from `decided` on in FIXED_MEASURES is about what duty staff did with a concern. */
const FIRST_DECISION_MEASURE = FIXED_ORDER.indexOf('decided');

type SectionId = 'concerns' | 'decisions' | 'questions' | 'safety' | 'other';

const HEADINGS: Readonly<Record<SectionId, string>> = {
  concerns: 'Concerns',
  decisions: 'Decisions',
  questions: 'Questions answered',
  safety: 'Safety replies',
  other: 'Other measures',
};

function sectionOf(measure: string): SectionId {
  const fixed = FIXED_ORDER.indexOf(measure as FixedMeasure);
  if (fixed >= 0) return fixed < FIRST_DECISION_MEASURE ? 'concerns' : 'decisions';
  if (measure.startsWith(ANSWER_PREFIX)) return 'questions';
  if (measure.startsWith(SAFETY_PREFIX)) return 'safety';
  return 'other';
}

/** Sort key: fixed measures in report order, safety replies in kind order, then the rest alphabetically. */
function rank(measure: string): number {
  const fixed = FIXED_ORDER.indexOf(measure as FixedMeasure);
  if (fixed >= 0) return fixed;
  const kind = (SAFETY_KINDS as readonly string[]).indexOf(measure.slice(SAFETY_PREFIX.length));
  if (measure.startsWith(SAFETY_PREFIX) && kind >= 0) return kind;
  return Number.MAX_SAFE_INTEGER;
}

/** The measures given, grouped into the page's sections (empty sections left out), each in report order. */
export function measureSections(measures: Iterable<string>): MeasureSection[] {
  const unique = [...new Set(measures)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return (Object.keys(HEADINGS) as SectionId[])
    .map((id) => ({ id: `section-${id}`, heading: HEADINGS[id], measures: unique.filter((m) => sectionOf(m) === id) }))
    .filter((s) => s.measures.length > 0);
}

/**
 * Counters keep no zeros, so a count with no row for an area and month is 0; an average (hours to a
 * decision) with no row has no figure at all.
 */
export function missingIsZero(measure: string): boolean {
  return !measure.startsWith('decision_hours_');
}
