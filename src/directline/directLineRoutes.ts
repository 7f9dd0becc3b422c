import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { describeActivityProblem } from '../http/activitySchema';
import { clientAddress } from '../http/clientAddress';
import { HttpError } from '../http/httpError';
import { readJsonBody } from '../http/readJsonBody';
import type { Route } from '../http/server';
import type { DirectLineService } from './directLineService';
import { postedActivitySchema } from './postedActivity';

export const DIRECT_LINE_BASE = '/v3/directline';

/** A posted activity is a few kB (4,000 characters of text, 16,000 bytes even if every one is an emoji; an event value at most 4 KB): anything bigger is refused. */
const MAX_BODY_BYTES = 16 * 1024;

/** Conversation ids are ours (22 base64url characters): anything else in the path cannot be a conversation. */
export const CONVERSATION_ID_PATTERN = '[A-Za-z0-9_-]{16,64}';
const CONVERSATION_ID = new RegExp(`^${CONVERSATION_ID_PATTERN}$`);

/** The body of POST /conversations: the client may say its locale; the user id it suggests is ignored. */
const startBodySchema = z.looseObject({ locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/).optional() });

export interface DirectLineRouteOptions {
  service: DirectLineService;
  trustedProxyHops: number;
  /** Whether conversations get a WebSocket streamUrl. */
  webSocket: boolean;
}

/** The built-in Direct Line 3.0 endpoints, as botframework-directlinejs (inside Web Chat) calls them. */
export function directLineRoutes({ service, trustedProxyHops, webSocket }: DirectLineRouteOptions): Route[] {
  const streamUrlFor = (req: IncomingMessage, watermark: number) =>
    webSocket ? streamUrlBuilder(req, trustedProxyHops, watermark) : undefined;
  return [
    {
      method: 'post',
      path: `${DIRECT_LINE_BASE}/conversations`,
      handler: async (req, res) => {
        const body = startBodySchema.safeParse(await readJsonBody(req, MAX_BODY_BYTES, { emptyAs: {} }));
        const grant = await service.start(clientAddress(req, trustedProxyHops), body.success ? body.data.locale : undefined, streamUrlFor(req, 0));
        send(res, 201, grant);
      },
    },
    {
      method: 'get',
      path: `${DIRECT_LINE_BASE}/conversations/:conversationId`,
      handler: async (req, res) => {
        send(res, 200, await service.reconnect(bearer(req), conversationIdOf(req), streamUrlFor(req, watermarkOf(req))));
      },
    },
    {
      method: 'get',
      path: `${DIRECT_LINE_BASE}/conversations/:conversationId/activities`,
      handler: async (req, res) => {
        send(res, 200, await service.activities(bearer(req), conversationIdOf(req), watermarkOf(req)));
      },
    },
    {
      method: 'post',
      path: `${DIRECT_LINE_BASE}/conversations/:conversationId/activities`,
      handler: async (req, res) => {
        const token = bearer(req);
        const conversationId = conversationIdOf(req);
        const parsed = postedActivitySchema.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
        if (!parsed.success) throw new HttpError(400, 'bad_request', describeActivityProblem(parsed.error));
        send(res, 200, await service.post(token, conversationId, parsed.data));
      },
    },
    {
      method: 'post',
      path: `${DIRECT_LINE_BASE}/tokens/refresh`,
      handler: async (req, res) => {
        send(res, 200, await service.refresh(bearer(req)));
      },
    },
  ];
}

/** Every answer: JSON that no cache keeps and no other site reads. */
function send(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.status(status);
  res.json(body);
}

/** The token from "Authorization: Bearer <token>" (directlinejs sends "Bearer undefined" before it has one). */
function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] === 'undefined' ? undefined : match?.[1];
}

function conversationIdOf(req: Request): string {
  const id = String((req.params as Record<string, unknown>).conversationId ?? '');
  if (!CONVERSATION_ID.test(id)) throw new HttpError(404, 'conversation_ended', 'This conversation has ended.');
  return id;
}

/** The watermark query parameter: empty or missing on the first poll, else the number we last gave. */
function watermarkOf(req: IncomingMessage): number {
  const raw = new URL(req.url ?? '/', 'http://directline.invalid').searchParams.get('watermark') ?? '';
  if (raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, 'bad_request', 'watermark must be a number we gave you.');
  return Number(raw);
}

/** The WebSocket URL for a conversation, on the host the browser used (wss behind TLS). */
function streamUrlBuilder(req: IncomingMessage, trustedProxyHops: number, watermark: number) {
  const host = req.headers.host ?? '';
  if (!/^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host)) return undefined;
  const forwardedTls = trustedProxyHops > 0 && req.headers['x-forwarded-proto'] === 'https';
  const scheme = forwardedTls || 'encrypted' in req.socket ? 'wss' : 'ws';
  return (conversationId: string, token: string) =>
    `${scheme}://${host}${DIRECT_LINE_BASE}/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}&watermark=${watermark}`;
}
