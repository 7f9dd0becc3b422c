import { AREA_IDS } from '../signposting/areas';
import { OUTCOME_CATEGORIES, RISK_RATINGS, type OutcomeCategory } from '../concerns/triageRecord';

/**
 * Where a count belongs: one of the four council areas, `outside` (the reporter chose "somewhere else":
 * outside South Yorkshire, or they could not say which area), `unknown` (no place given), and `all`, the
 * South Yorkshire total, which is never stored: it is the sum of the other six.
 */
export const INDICATOR_AREAS = [...AREA_IDS, 'outside', 'unknown'] as const;
export type IndicatorArea = (typeof INDICATOR_AREAS)[number];
export const ALL_AREAS = 'all';
export type ReportArea = IndicatorArea | typeof ALL_AREAS;
export const REPORT_AREAS: readonly ReportArea[] = [...INDICATOR_AREAS, ALL_AREAS];

export const AREA_LABELS: Readonly<Record<ReportArea, string>> = {
  barnsley: 'Barnsley',
  doncaster: 'Doncaster',
  rotherham: 'Rotherham',
  sheffield: 'Sheffield',
  outside: 'Outside South Yorkshire or not sure',
  unknown: 'Place not given',
  all: 'South Yorkshire (all)',
};

/** What a measure id may hold: lower-case letters, digits, `_`, `:` and `-` (safe in a key, a CSV or a URL). */
export const MEASURE_ID = /^[a-z0-9_:-]{1,80}$/;

/** A month as the counters key it: "2026-11" (London time). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Measure ids for what duty staff decided: short, stable, safe in a CSV header or a URL. */
export const OUTCOME_MEASURES: Readonly<Record<OutcomeCategory, string>> = {
  'advice-or-signposting': 'outcome_advice',
  'early-help': 'outcome_early_help',
  'childrens-social-care': 'outcome_social_care',
  'police-intelligence': 'outcome_police_intelligence',
  'nrm-referral': 'outcome_nrm',
  'no-further-action': 'outcome_nfa',
};

/** The measures with a fixed id, in the order a report lists them, with what each counts. */
export const FIXED_MEASURES = {
  concerns: 'Concerns received',
  urgent: 'Urgent concerns received',
  subject_child: 'About a child or young person',
  subject_place: 'About a place or people',
  subject_not_sure: 'Reporter not sure what it is about',
  knew_saw: 'Reporter saw it',
  knew_told: 'Reporter was told',
  knew_both: 'Reporter saw it and was told',
  knew_own_words: 'How they knew, in their own words',
  knew_not_said: 'How they knew, not said',
  returned: 'Reporters who came back with more',
  decided: 'Decisions recorded (first per team)',
  decided_in_time: 'Decided within the clock',
  decision_hours_median: 'Hours to a decision, median',
  decision_hours_p90: 'Hours to a decision, 90th percentile',
  outcome_advice: 'Outcome: advice or signposting',
  outcome_early_help: 'Outcome: early help',
  outcome_social_care: "Outcome: children's social care",
  outcome_police_intelligence: 'Outcome: police intelligence',
  outcome_nrm: 'Outcome: National Referral Mechanism',
  outcome_nfa: 'Outcome: no further action',
  rag_red: 'Risk rated red',
  rag_amber: 'Risk rated amber',
  rag_green: 'Risk rated green',
  shared: 'Shared with another team',
  transferred: 'Transferred to another team',
  closed: 'Closed',
} as const;
export type FixedMeasure = keyof typeof FIXED_MEASURES;

/** Questions answered, one measure per answer topic: "answer:<topic>". */
export const ANSWER_PREFIX = 'answer:';
/** Safety replies, one measure per kind: "safety:danger", "safety:self-harm", "safety:disclosure", "safety:check-in". */
export const SAFETY_PREFIX = 'safety:';
export const SAFETY_KINDS = ['danger', 'self-harm', 'disclosure', 'check-in'] as const;
export type SafetyCountKind = (typeof SAFETY_KINDS)[number];

/**
 * Hours to a decision are kept as a histogram, one stored count per whole hour ("hours:0" to "hours:720",
 * the last for 30 days or more), so a median and a 90th percentile can be worked out for any area, month
 * or sum of them. They are never published as counts.
 */
export const HOURS_PREFIX = 'hours:';
export const HOURS_CAP = 720;

/** Published parts that add up to a published total in the same area and month (for secondary suppression). */
export const PARTS_OF: readonly { total: FixedMeasure; parts: readonly FixedMeasure[] }[] = [
  { total: 'concerns', parts: ['subject_child', 'subject_place', 'subject_not_sure'] },
  { total: 'concerns', parts: ['knew_saw', 'knew_told', 'knew_both', 'knew_own_words', 'knew_not_said'] },
  { total: 'decided', parts: OUTCOME_CATEGORIES.map((c) => OUTCOME_MEASURES[c] as FixedMeasure) },
  { total: 'decided', parts: RISK_RATINGS.map((r) => `rag_${r}` as FixedMeasure) },
];

/** The label of any measure id, fixed or per topic or kind. */
export function measureLabel(measure: string): string {
  if (measure in FIXED_MEASURES) return FIXED_MEASURES[measure as FixedMeasure];
  if (measure.startsWith(ANSWER_PREFIX)) return `Questions answered: ${measure.slice(ANSWER_PREFIX.length).replace(/-/g, ' ')}`;
  if (measure.startsWith(SAFETY_PREFIX)) return `Safety replies: ${measure.slice(SAFETY_PREFIX.length).replace(/-/g, ' ')}`;
  return measure;
}

/** One published figure: a value, or null with suppressed: true when it is small enough to point at someone. */
export interface IndicatorRow {
  area: ReportArea;
  month: string;
  measure: string;
  value: number | null;
  suppressed?: true;
}
