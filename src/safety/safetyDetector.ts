import { foldText, tokensOf } from '../classifier/foldText';
import type { ConceptLexicon } from './conceptLexicon';
import { windowsOf } from '../classifier/features';
import { viewByRules, type SafetyResult } from './safetyCheck';
import type { SafetyModel } from './safetyModel';
import type { SafetyRules } from './safetyRules';
import type { ClassProbabilities } from './textClassifier';

/*
 * The layered safety check, run on every message before anything else. Two layers:
 * 1. the hand-written rules (content/safety.yaml): precise phrases, and cues for "this was in the past";
 * 2. a classifier trained on messages written by other people (content/safety-model.json), reading
 *    words, letter groups and the lexicon's concepts, so that it also catches wordings and languages no
 *    rule names. A long message is also scored in windows, so one line of danger is not drowned out.
 * Between "sure" and "not at all" is an unsure band: the bot then asks whether someone is in danger.
 */

export type AlarmKind = 'danger' | 'self-harm';

export type SafetySignal =
  /** Answer with the emergency reply at once. */
  | { kind: AlarmKind; certainty: 'sure'; source: Source; variant?: ReplyVariant }
  /** Ask first: "Is someone in danger right now?" */
  | { kind: AlarmKind; certainty: 'unsure'; source: 'model'; variant?: ReplyVariant }
  /** A young person telling us about their own exploitation. */
  | { kind: 'disclosure'; source: Source }
  /** Harm in the past, or asked about in general: a kind word, no emergency. */
  | { kind: 'past' }
  | { kind: 'none' };

export type Source = { layer: 'rule'; rule: string } | { layer: 'model' };

/** Replies that fit what was said: an overdose already taken, someone being hurt nearby. */
export type ReplyVariant = 'overdose' | 'hurt-nearby';

export interface SafetyScores {
  /** The classifier's probabilities, the highest of the whole message and its windows. */
  probabilities: ClassProbabilities;
  concepts: string[];
  rule: SafetyResult;
}

export class SafetyDetector {
  constructor(
    private readonly rules: SafetyRules,
    private readonly lexicon: ConceptLexicon,
    private readonly model: SafetyModel,
  ) {}

  /** The rule result, the classifier's probabilities and the concepts found: what `check` decides on. */
  score(text: string): SafetyScores {
    const tokens = tokensOf(foldText(text));
    const { classifier } = this.model;
    const whole = this.lexicon.conceptsIn(tokens);
    const { result, cues } = viewByRules(text, this.rules);
    const probabilities = classifier.probabilitiesOf(tokens, whole, cues);
    for (const window of windowsOf(tokens, classifier.windowWords)) {
      const p = classifier.probabilitiesOf(window, this.lexicon.conceptsIn(window), cues);
      for (const kind of ['danger', 'self-harm', 'disclosure'] as const) probabilities[kind] = Math.max(probabilities[kind], p[kind]);
    }
    return { probabilities, concepts: whole, rule: result };
  }

  check(text: string): SafetySignal {
    return decide(this.score(text), this.model.thresholds);
  }
}

/** From scores to what the bot does. Exported for the evaluation, which tries thresholds on dev. */
export function decide({ probabilities: p, concepts, rule }: SafetyScores, thresholds: SafetyModel['thresholds']): SafetySignal {
  const variant = replyVariant(concepts);
  if (rule.kind === 'self-harm' || rule.kind === 'danger') {
    return { kind: rule.kind, certainty: 'sure', source: { layer: 'rule', rule: rule.rule }, ...variantFor(rule.kind, variant) };
  }
  // Of the two alarms, the one further above its own threshold.
  const alarms = (['self-harm', 'danger'] as const)
    .map((kind) => ({ kind, sure: p[kind] >= thresholds[kind].sure, unsure: p[kind] >= thresholds[kind].unsure, margin: p[kind] / Math.max(1e-9, thresholds[kind].sure) }))
    .sort((a, b) => Number(b.sure) - Number(a.sure) || b.margin - a.margin);
  const top = alarms.find((a) => a.sure) ?? alarms.find((a) => a.unsure);
  if (top) {
    const certainty = top.sure ? 'sure' : 'unsure';
    return { kind: top.kind, certainty, source: { layer: 'model' }, ...variantFor(top.kind, variant) } as SafetySignal;
  }
  if (rule.kind === 'disclosure') return { kind: 'disclosure', source: { layer: 'rule', rule: rule.rule } };
  if (p.disclosure >= thresholds.disclosure.sure) return { kind: 'disclosure', source: { layer: 'model' } };
  if (rule.kind === 'past') return { kind: 'past' };
  return { kind: 'none' };
}

function replyVariant(concepts: readonly string[]): ReplyVariant | undefined {
  if (concepts.includes('overdose')) return 'overdose';
  if (concepts.includes('hear') || concepts.includes('scream')) return 'hurt-nearby';
  return undefined;
}

/** An overdose taken fits either alarm (someone else's overdose reads as danger); someone hurt nearby only danger. */
function variantFor(kind: 'danger' | 'self-harm', variant: ReplyVariant | undefined): { variant?: ReplyVariant } {
  if (variant === 'overdose') return { variant };
  if (variant === 'hurt-nearby' && kind === 'danger') return { variant };
  return {};
}
