import type { SafetyScores } from '../../src/safety/safetyDetector';
import type { Thresholds } from '../../src/safety/safetyModel';
import type { Label } from './corpus';

/*
 * Thresholds are chosen on the dev split, for recall: the unsure band is as wide as it must be to catch
 * every danger and self-harm message it can while false alarms stay within the budget; "sure" (answer at
 * once, without asking) is kept for scores that almost never come from a message that must not trigger.
 */

export interface Scored {
  label: Label;
  scores: SafetyScores;
}

export interface ThresholdBudget {
  /** Most false alarms (check-in or emergency reply) allowed on messages that must not trigger. */
  falseAlarms: number;
  /** Most emergency replies given without asking, on messages that must not trigger. */
  sureFalseAlarms: number;
  /** Disclosure recall to reach. */
  disclosureRecall: number;
  /** Most disclosure replies allowed on messages that must not trigger. */
  disclosureOnNone: number;
}

export const BUDGET: ThresholdBudget = { falseAlarms: 0.04, sureFalseAlarms: 0.01, disclosureRecall: 0.95, disclosureOnNone: 0.03 };

const GRID = Array.from({ length: 97 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);

const ruleAlarm = (s: Scored) => s.scores.rule.kind === 'danger' || s.scores.rule.kind === 'self-harm';

export function chooseThresholds(dev: readonly Scored[], budget: ThresholdBudget = BUDGET): Thresholds {
  const alarms = dev.filter((s) => s.label === 'danger' || s.label === 'self-harm');
  const none = dev.filter((s) => s.label === 'none');
  let best = { recall: -1, fa: Infinity, d: 1, sh: 1 };
  for (const d of GRID) {
    for (const sh of GRID) {
      const fires = (s: Scored) => ruleAlarm(s) || s.scores.probabilities.danger >= d || s.scores.probabilities['self-harm'] >= sh;
      const fa = none.filter(fires).length / Math.max(1, none.length);
      if (fa > budget.falseAlarms) continue;
      const recall = alarms.filter(fires).length / Math.max(1, alarms.length);
      const better = recall > best.recall || (recall === best.recall && (fa < best.fa || (fa === best.fa && d + sh > best.d + best.sh)));
      if (better) best = { recall, fa, d, sh };
    }
  }
  const sure = (kind: 'danger' | 'self-harm', unsure: number) =>
    GRID.find((t) => t >= unsure && none.filter((s) => !ruleAlarm(s) && s.scores.probabilities[kind] >= t).length / Math.max(1, none.length) <= budget.sureFalseAlarms) ?? 1;

  const danger = { unsure: best.d, sure: sure('danger', best.d) };
  const selfHarm = { unsure: best.sh, sure: sure('self-harm', best.sh) };
  // A disclosure gets its reply unless a sure alarm answers first (after the check-in's No, it still does).
  const sureAlarm = (s: Scored) => ruleAlarm(s) || s.scores.probabilities.danger >= danger.sure || s.scores.probabilities['self-harm'] >= selfHarm.sure;
  const disclosures = dev.filter((s) => s.label === 'disclosure');
  const tells = (s: Scored, t: number) => !sureAlarm(s) && (s.scores.rule.kind === 'disclosure' || s.scores.probabilities.disclosure >= t);
  // Within the budget for the disclosure reply on messages that must not trigger: the highest threshold
  // that reaches the recall target, or else the lowest (the most recall the budget allows).
  const allowed = GRID.filter((t) => none.filter((s) => tells(s, t)).length <= budget.disclosureOnNone * none.length);
  const reaches = allowed.filter((t) => disclosures.filter((s) => tells(s, t)).length >= budget.disclosureRecall * disclosures.length);
  const disclosureAt = reaches.length ? reaches[reaches.length - 1]! : (allowed[0] ?? 1);
  return { danger, 'self-harm': selfHarm, disclosure: { sure: disclosureAt } };
}
