import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { HttpError } from '../http/httpError';
import type { Logger } from '../logging/logger';
import { errorSummary } from '../logging/logger';
import { CONVERSATION_ID_PATTERN, DIRECT_LINE_BASE } from './directLineRoutes';
import type { DirectLineService } from './directLineService';

/** The stream's path; the token and watermark come as ?t= and ?watermark= (as Azure's streamUrl carries them). */
const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/(${CONVERSATION_ID_PATTERN})/stream$`);

/** How often the server pings; a client that has not answered the previous ping by then is dropped. */
const PING_MS = 30_000;

/**
 * How often an open stream looks at the store for what another server added (the bot's replies to a post
 * that server took, an end). What this server adds wakes the stream at once.
 */
const STREAM_POLL_MS = 1000;

/**
 * The built-in Direct Line's WebSocket stream: each new activity is pushed as a {activities, watermark}
 * frame, as Azure's stream does. The client sends only empty keep-alive messages; anything larger closes
 * the socket. Pings find sockets whose other end vanished (a phone that lost signal).
 */
export function attachDirectLineStream(server: Server, service: DirectLineService, logger: Logger): { close: () => void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://directline.invalid');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'Not Found');
    const conversationId = match[1];
    const watermark = Number(url.searchParams.get('watermark') ?? '0');
    if (!Number.isSafeInteger(watermark) || watermark < 0) return refuse(socket, 400, 'Bad Request');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      service.openStream(url.searchParams.get('t') ?? undefined, conversationId).then(
        () => {
          alive.add(ws);
          const stop = streamActivities(ws, service, conversationId, watermark, logger);
          ws.on('pong', () => alive.add(ws));
          ws.on('message', (data: Buffer) => {
            if (data.length > 0) return ws.close(1003, 'only keep-alive messages are accepted');
            service.keepAlive(conversationId).catch(() => undefined); // a missed keep-alive only shortens idle time
          });
          ws.on('close', stop);
        },
        (err: unknown) => {
          // 1008: policy violation (bad or expired token); the client then reconnects through GET /conversations/{id}.
          ws.close(err instanceof HttpError && err.status === 404 ? 1000 : 1008, err instanceof HttpError ? err.code : 'error');
        },
      );
      ws.on('error', (err) => logger.warn({ code: 'DIRECTLINE_STREAM_ERROR', err: errorSummary(err) }, 'stream error'));
    });
  });

  const pinger = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_MS);
  pinger.unref();

  return {
    close: () => {
      clearInterval(pinger);
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

/**
 * Sends the conversation's activities after the watermark, then every new one as it comes: woken at once by
 * changes on this server and every STREAM_POLL_MS for changes on others. Closes the socket when the
 * conversation ends. Returns the function that stops it.
 */
function streamActivities(ws: WebSocket, service: DirectLineService, conversationId: string, watermark: number, logger: Logger): () => void {
  let sent = watermark;
  let running = false;
  let again = false;
  let stopped = false;
  const pump = async (): Promise<void> => {
    if (running) {
      again = true; // a change while collecting: look once more when this look is done
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const set = await service.collect(conversationId, sent);
        if (stopped) return;
        if (!set) {
          ws.close(1000, 'conversation ended');
          return;
        }
        if (set.activities.length > 0) ws.send(JSON.stringify(set));
        sent = Number(set.watermark);
      } while (again);
    } finally {
      running = false;
    }
  };
  const look = () => {
    // The store may be down for a moment (Redis reconnecting): the next look tries again.
    pump().catch((err: unknown) => logger.warn({ code: 'DIRECTLINE_STREAM_READ_FAILED', err: errorSummary(err) }, 'stream could not read the conversation'));
  };
  const unwatch = service.watch(conversationId, look);
  const timer = setInterval(look, STREAM_POLL_MS);
  timer.unref();
  look();
  return () => {
    stopped = true;
    clearInterval(timer);
    unwatch();
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
