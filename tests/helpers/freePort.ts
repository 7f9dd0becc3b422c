import { createServer } from 'node:net';

/** A port on 127.0.0.1 with nothing listening (free to bind, or to stand for a server that is down). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}
