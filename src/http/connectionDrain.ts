import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Polite connection handling for shutdown. Once draining begins, every response not yet started carries
 * `Connection: close`, so a client on a kept-alive connection is told to open a new one (to another
 * server) instead of having its connection cut under a request. Responses already under way when draining
 * begins get it too, as long as their headers have not gone out.
 */
export class ConnectionDrain {
  private draining = false;
  private readonly open = new Set<ServerResponse>();

  constructor(server: Server) {
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (this.draining) {
        closeAfter(res);
        return;
      }
      this.open.add(res);
      res.once('close', () => this.open.delete(res));
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** From now on, no connection is kept alive after its current response. */
  begin(): void {
    if (this.draining) return;
    this.draining = true;
    for (const res of this.open) closeAfter(res);
    this.open.clear();
  }
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
