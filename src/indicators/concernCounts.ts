import type { Concern } from '../concerns/concern';
import type { TriageChange } from '../concerns/concernUpdates';
import { dueAt, type TriageClock } from '../triage/triageClock';
import { HOURS_CAP, HOURS_PREFIX, OUTCOME_MEASURES, type FixedMeasure, type IndicatorArea } from './indicatorMeasures';
import type { Increments } from './indicatorStore';

/** How the reporter knew, as counted: the choice they picked, their own words, or nothing. */
export type HowKnew = 'saw' | 'told' | 'both' | 'own_words' | 'not_said';

/** Reads the stored "how do you know" answer (a choice's label, or the reporter's own words). */
export type HowKnewReader = (answer: string | null) => HowKnew;

/** A reader for the report's choices: value saw-it, heard-it or both, and the label stored for each. */
export function howKnewReader(choices: readonly { value: string; label: string }[]): HowKnewReader {
  const byLabel = new Map<string, HowKnew>();
  const counted: Record<string, HowKnew> = { 'saw-it': 'saw', 'heard-it': 'told', both: 'both' };
  for (const choice of choices) {
    const kind = counted[choice.value];
    if (kind) byLabel.set(choice.label.trim().toLowerCase(), kind);
  }
  return (answer) => (answer === null ? 'not_said' : (byLabel.get(answer.trim().toLowerCase()) ?? 'own_words'));
}

/**
 * The area a concern counts under: its council area; `outside` when a place was given but it is in none
 * of the four (the reporter chose "somewhere else", which also covers "not sure which"); `unknown` when no
 * place was given.
 */
export function indicatorArea(concern: Pick<Concern, 'area' | 'answers'>): IndicatorArea {
  if (concern.area === 'barnsley' || concern.area === 'doncaster' || concern.area === 'rotherham' || concern.area === 'sheffield') return concern.area;
  return concern.answers.place === null ? 'unknown' : 'outside';
}

/** What a newly stored concern adds: received, urgent, its subject, how the reporter knew (a return is counted when they come back). */
export function receivedCounts(concern: Concern, howKnew: HowKnewReader): Increments {
  const subject: FixedMeasure = concern.subject === 'child' ? 'subject_child' : concern.subject === 'place' ? 'subject_place' : 'subject_not_sure';
  return {
    concerns: 1,
    urgent: concern.urgent ? 1 : 0,
    [subject]: 1,
    [`knew_${howKnew(concern.answers.howTheyKnow)}`]: 1,
  };
}

/**
 * What one team's change adds, from its part as it was and the change made: a first decision (its outcome,
 * risk rating, whether it was made within the clock, and the whole hours it took from when the clock
 * started), a transfer, a share, a closing. A decision replaced later is not counted again.
 */
export function triageCounts(before: Concern, made: TriageChange, clock: TriageClock): Increments {
  const counts: Record<string, number> = {};
  const outcome = made.triage.outcome;
  if (outcome && before.triage.outcome === null && made.agency === before.agency) {
    const decidedAt = new Date(outcome.at).getTime();
    const started = new Date(before.triage.clockFrom ?? before.receivedAt).getTime();
    const hours = Math.min(HOURS_CAP, Math.max(0, Math.floor((decidedAt - started) / 3_600_000)));
    counts.decided = 1;
    counts.decided_in_time = decidedAt <= dueAt(before, clock).getTime() ? 1 : 0;
    counts[OUTCOME_MEASURES[outcome.category]] = 1;
    counts[`rag_${outcome.rag}`] = 1;
    counts[`${HOURS_PREFIX}${hours}`] = 1;
  }
  if (made.agency !== before.agency) counts.transferred = 1;
  if (made.share) counts.shared = 1;
  if (made.status === 'closed' && before.status !== 'closed') counts.closed = 1;
  return counts;
}
