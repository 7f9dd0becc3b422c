import type { TurnContext } from 'botbuilder';
import { knownChannel } from '../channels/channelProfile';
import type { ServiceMetrics } from './serviceMetrics';

type RunTurn = (context: TurnContext) => Promise<void>;

/**
 * The bot's turn, counted and timed by channel (a channel named in channelProfile, or 'other': the id comes
 * from the caller, so it never becomes a label as sent). A turn that throws is counted and timed too.
 */
export function timedTurns(metrics: ServiceMetrics, runTurn: RunTurn): RunTurn {
  return async (context) => {
    const labels = { channel: knownChannel(context.activity.channelId) };
    const end = metrics.turnSeconds.startTimer(labels);
    try {
      await runTurn(context);
    } finally {
      end();
      metrics.turns.inc(labels);
    }
  };
}
