import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the real Redis, so a test can cut the connection at a chosen moment (an
 * outage mid-submit) and bring it back, with the app's real client reconnecting as it would.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private port = 0;
  /** When set, the connection is cut as soon as a client sends bytes containing this text. */
  cutOn: string | undefined;
  /** When set, the same for bytes (as latin1 text) it accepts: for a command told by more than one part. */
  cutWhen: ((sent: string) => boolean) | undefined;
  /** Called at a cut, before anything is forwarded (a test kills the Redis server behind it there). */
  onCut: (() => void) | undefined;
  /** How many cuts happened. */
  cuts = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      client.on('data', (chunk: Buffer) => {
        const sent = chunk.toString('latin1');
        if ((this.cutOn && sent.includes(this.cutOn)) || this.cutWhen?.(sent)) {
          this.cutOn = undefined;
          this.cutWhen = undefined;
          this.cuts += 1;
          this.onCut?.();
          void this.down();
          return;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Refuses new connections and drops every open one, as a Redis outage would. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepts connections again on the same port. */
  async up(): Promise<void> {
    if (!this.server) await this.start();
  }
}
