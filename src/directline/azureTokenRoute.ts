import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { clientAddress } from '../http/clientAddress';
import { HttpError } from '../http/httpError';
import type { Route } from '../http/server';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import type { RateLimit } from './rateWindow';

export const AZURE_TOKEN_PATH = '/api/directline/token';

/** How long we wait for Azure before telling the browser to try again. */
const AZURE_TIMEOUT_MS = 5000;

/** What Azure's tokens/generate answers; we pass on only these three fields. */
const generatedSchema = z.looseObject({
  conversationId: z.string().min(1).max(256),
  token: z.string().min(1).max(4096),
  expires_in: z.number().int().positive(),
});

export interface AzureTokenOptions {
  secret: string;
  /** Azure's Direct Line base URL, ending /v3/directline. */
  endpoint: string;
  starts: RateLimit;
  trustedProxyHops: number;
  logger: Logger;
}

/**
 * POST /api/directline/token: swaps the Direct Line secret (which never leaves the server) for a
 * short-lived token for one new conversation, with a random user id, as Azure recommends for Web Chat.
 */
export function azureTokenRoute({ secret, endpoint, starts, trustedProxyHops, logger }: AzureTokenOptions): Route {
  const generateUrl = `${endpoint.replace(/\/+$/, '')}/tokens/generate`;
  return {
    method: 'post',
    path: AZURE_TOKEN_PATH,
    handler: async (req, res) => {
      req.resume(); // no body is needed; whatever was sent is drained and ignored
      const verdict = await starts.hit(clientAddress(req, trustedProxyHops));
      if (!verdict.allowed) {
        throw new HttpError(429, 'too_many_requests', 'Too many chats started from here. Please wait a little and try again.', {
          'Retry-After': String(verdict.retryAfterSeconds),
        });
      }
      let generated: z.infer<typeof generatedSchema>;
      try {
        const answer = await fetch(generateUrl, {
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ user: { id: `dl_${randomBytes(12).toString('base64url')}` } }),
          signal: AbortSignal.timeout(AZURE_TIMEOUT_MS),
        });
        if (!answer.ok) throw new Error(`Direct Line answered ${answer.status}`);
        generated = generatedSchema.parse(await answer.json());
      } catch (err) {
        logger.error({ code: 'DIRECTLINE_TOKEN_FAILED', err: errorSummary(err) }, 'could not get a Direct Line token');
        throw new HttpError(502, 'chat_unavailable', 'The chat could not start just now. Please try again soon. If someone is in danger, ring 999.');
      }
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.status(200);
      res.json({ conversationId: generated.conversationId, token: generated.token, expires_in: generated.expires_in });
    },
  };
}
