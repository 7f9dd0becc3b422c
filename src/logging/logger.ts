import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logger. Call sites log codes, counts and hashed ids only; the redact list is a second
 * line of defence should a whole activity or request ever be passed in by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'clearsight' },
      redact: {
        paths: [
          'text',
          '*.text',
          'activity',
          '*.activity',
          'from',
          '*.from',
          'recipient',
          'req',
          'res',
          'headers',
          '*.headers',
          'ip',
          '*.ip',
          'remoteAddress',
          '*.remoteAddress',
          'name',
          'phone',
        ],
        censor: '[redacted]',
      },
      serializers: { err: errorSummary },
    },
    destination,
  );
}

/** Errors are logged by kind and code, never by message: a message can quote what a user typed. */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (isSummary(err)) return err; // already summarised at the call site; the serializer sees it again
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}

function isSummary(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || value instanceof Error) return false;
  const keys = Object.keys(value);
  return typeof (value as { type?: unknown }).type === 'string' && keys.every((k) => k === 'type' || k === 'code');
}
