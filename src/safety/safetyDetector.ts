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
 *    rule names. A message longer than the model's window (200 words) is also scored window by window,
 *    so one line of danger is not drowned out (shorter windows cost more false alarms than they caught).
 * Between "sure" and "not at all" is an unsure band: the bot then asks whether someone is in danger.
 */

export type AlarmKind = 'danger' | 'self-harm';

export type SafetySignal =
  /** Answer with the emergency reply at once. */
  | { kind: AlarmKind; certainty: 'sure'; source: Source; variant?: ReplyVariant }
  /** Ask first: "Is someone in danger right now?" If not, and it reads as a disclosure, that reply follows. */
  | { kind: AlarmKind; certainty: 'unsure'; source: 'model'; variant?: ReplyVariant; disclosure: boolean }
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
  rule: SafetyResult;
}

/** What scoring a message needs again to fit the reply, kept from the first pass. */
interface Read {
  tokens: string[];
  concepts: string[];
  cues: string[];
}

export class SafetyDetector {
  constructor(
    private readonly rules: SafetyRules,
    private readonly lexicon: ConceptLexicon,
    private readonly model: SafetyModel,
  ) {}

  /** The rule result and the classifier's probabilities: what `check` decides on. */
  score(text: string): SafetyScores {
    return this.read(text).scores;
  }

  /**
   * The check every message gets. `picked`: the message is exactly one of the options the service itself
   * offered (a button's words or its number), so only the rules judge it, not the classifier.
   */
  check(text: string, picked = false): SafetySignal {
    if (picked) {
      const { result } = viewByRules(text, this.rules);
      return decide({ probabilities: { none: 1, danger: 0, 'self-harm': 0, disclosure: 0 }, rule: result }, this.model.thresholds);
    }
    const { scores, read } = this.read(text);
    const signal = decide(scores, this.model.thresholds);
    if (signal.kind !== 'danger' && signal.kind !== 'self-harm') return signal;
    // Only for an alarm (rarely): which reply fits, from the variant classifiers trained on the corpus.
    const variant = this.variantOf(signal.kind, read);
    return variant ? { ...signal, variant } : signal;
  }

  private read(text: string): { scores: SafetyScores; read: Read } {
    const tokens = tokensOf(foldText(text));
    const { classifier } = this.model;
    const concepts = this.lexicon.conceptsIn(tokens);
    const { result, cues } = viewByRules(text, this.rules);
    const probabilities = classifier.probabilitiesOf(tokens, concepts, cues);
    for (const window of windowsOf(tokens, classifier.windowWords)) {
      const p = classifier.probabilitiesOf(window, this.lexicon.conceptsIn(window), cues);
      for (const kind of ['danger', 'self-harm', 'disclosure'] as const) probabilities[kind] = Math.max(probabilities[kind], p[kind]);
    }
    return { scores: { probabilities, rule: result }, read: { tokens, concepts, cues } };
  }

  /** An overdose already taken fits either alarm (someone else's overdose reads as danger); someone hurt nearby only danger. */
  private variantOf(kind: AlarmKind, { tokens, concepts, cues }: Read): ReplyVariant | undefined {
    const { overdose, 'hurt-nearby': hurtNearby } = this.model.variants;
    if (overdose.probabilityOf(tokens, concepts, cues) >= overdose.threshold) return 'overdose';
    if (kind === 'danger' && hurtNearby.probabilityOf(tokens, concepts, cues) >= hurtNearby.threshold) return 'hurt-nearby';
    return undefined;
  }
}

/** From scores to what the bot does. Exported for the evaluation, which tries thresholds on dev. */
export function decide({ probabilities: p, rule }: SafetyScores, thresholds: SafetyModel['thresholds']): SafetySignal {
  if (rule.kind === 'self-harm' || rule.kind === 'danger') return { kind: rule.kind, certainty: 'sure', source: { layer: 'rule', rule: rule.rule } };
  // Of the two alarms, the one further above its own threshold.
  const alarms = (['self-harm', 'danger'] as const)
    .map((kind) => ({ kind, sure: p[kind] >= thresholds[kind].sure, unsure: p[kind] >= thresholds[kind].unsure, margin: p[kind] / Math.max(1e-9, thresholds[kind].sure) }))
    .sort((a, b) => Number(b.sure) - Number(a.sure) || b.margin - a.margin);
  const top = alarms.find((a) => a.sure) ?? alarms.find((a) => a.unsure);
  const disclosure = rule.kind === 'disclosure' || p.disclosure >= thresholds.disclosure.sure;
  if (top?.sure) return { kind: top.kind, certainty: 'sure', source: { layer: 'model' } };
  if (top) return { kind: top.kind, certainty: 'unsure', source: 'model', disclosure };
  if (rule.kind === 'disclosure') return { kind: 'disclosure', source: { layer: 'rule', rule: rule.rule } };
  if (disclosure) return { kind: 'disclosure', source: { layer: 'model' } };
  if (rule.kind === 'past') return { kind: 'past' };
  return { kind: 'none' };
}
