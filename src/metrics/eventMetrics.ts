import type { ServiceEvents } from '../events/serviceEvents';
import type { ServiceMetrics } from './serviceMetrics';

/** Counts the bot's safety replies by kind and its question turns by outcome (never the topic or area: the indicators keep those). */
export function eventMetrics(metrics: ServiceMetrics): Partial<ServiceEvents> {
  return {
    safetyReply: (kind) => metrics.safetyReplies.inc({ kind }),
    answer: (outcome) => metrics.answers.inc({ outcome }),
  };
}
