import { createServer, type Server } from 'node:http';

/** One request the receiver saw. */
export interface ReceivedPost {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
  /** performance.now() when the request had fully arrived. */
  at: number;
}

/** How to answer one request: a status (optionally late, with headers), or never at all. */
export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number } | 'hang';

/**
 * A stand-in for a Slack or Teams incoming webhook: a real HTTP server on 127.0.0.1 that records every
 * request and answers from a script, then 200 "ok" once the script runs out.
 */
export class WebhookReceiver {
  readonly received: ReceivedPost[] = [];
  /** Called as each request arrives, before it is answered. */
  onReceive: (() => void) | undefined;
  private readonly script: Answer[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        receiver.received.push({ method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'], body, at: performance.now() });
        receiver.onReceive?.();
        const answer = receiver.script.shift() ?? { status: 200 };
        if (answer === 'hang') return;
        const reply = () => {
          // Not chained: restify (loaded with the app helpers) patches writeHead to return nothing.
          res.writeHead(answer.status, answer.headers);
          res.end('ok');
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    return receiver;
  }

  /** Queues the answers for the next requests, in order. */
  answer(...answers: Answer[]): this {
    this.script.push(...answers);
    return this;
  }

  /** A webhook URL on this receiver, shaped like Slack's, with a secret path. */
  url(secret = 'T0000/B0000/receiversecret'): string {
    return `${this.origin}/services/${secret}`;
  }

  /** Resolves once `count` requests have arrived; throws after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 3000): Promise<void> {
    await until(() => this.received.length >= count, timeoutMs, `${count} webhook posts (saw ${this.received.length})`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections(); // hanging requests included
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Polls `condition` every 5 ms; throws naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
