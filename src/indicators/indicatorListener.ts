import type { ServiceEvents } from '../events/serviceEvents';
import { errorSummary, type Logger } from '../logging/logger';
import type { AreaId } from '../signposting/areas';
import { ANSWER_PREFIX, SAFETY_PREFIX, type IndicatorArea } from './indicatorMeasures';
import { monthOf, type IndicatorStore } from './indicatorStore';

/**
 * Counts what the bot does for the indicators: safety replies by kind, questions answered by topic,
 * reporters who came back. A person who named no area counts under `unknown`. The turn never waits
 * for the count; one that fails is logged by code.
 */
export function indicatorListener(store: IndicatorStore, logger: Logger, now: () => Date): Partial<ServiceEvents> {
  const add = (area: IndicatorArea, measure: string) => {
    store.add(monthOf(now()), area, { [measure]: 1 }).catch((err: unknown) => {
      logger.warn({ code: 'INDICATOR_COUNT_FAILED', err: errorSummary(err) }, 'could not add to the indicators');
    });
  };
  const areaOf = (area: AreaId | null): IndicatorArea => area ?? 'unknown';
  return {
    safetyReply: (kind, area) => add(areaOf(area), `${SAFETY_PREFIX}${kind}`),
    answer: (outcome, topic, area) => {
      if (outcome === 'answered' && topic) add(areaOf(area), `${ANSWER_PREFIX}${topic}`);
    },
    reporterReturned: (area) => add(area, 'returned'),
  };
}
