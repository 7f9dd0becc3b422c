import http from 'node:http';
import type { Socket } from 'node:net';
import { killServices, runService, waitForListening, waitUntil } from '../helpers/serviceProcess';

// Every process a test started is ended here even when a test fails, so none outlives jest.
afterAll(killServices);

const GRACE_SECONDS = 3;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
  socket: Socket;
}

/** The answer to a request, once its body has arrived. */
function answerOf(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const socket = res.socket;
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, reusedSocket: req.reusedSocket, socket }));
    });
  });
}

function send(req: http.ClientRequest): Promise<Answer> {
  const answer = answerOf(req);
  req.end();
  return answer;
}

const hello = JSON.stringify({
  type: 'message',
  text: 'hi',
  channelId: 'webchat',
  serviceUrl: 'http://localhost',
  conversation: { id: 'shutdown-1' },
  from: { id: 'u1' },
  deliveryMode: 'expectReplies',
});

describe('graceful shutdown of the service process', () => {
  it('on SIGTERM answers /readyz with 503 through the grace period, finishes what is in flight, closes kept-alive connections politely and exits 0', async () => {
    const p = runService({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) });
    const port = await waitForListening(p);
    const base = { host: '127.0.0.1', port };

    // A kept-alive connection, used once before the signal.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(http.request({ ...base, path: '/healthz', agent }));
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');
    const keptAlive = first.socket;
    const socketErrors: Error[] = [];
    keptAlive.on('error', (err) => socketErrors.push(err));

    // A message in flight across the signal: its body is half sent before SIGTERM and finished after it.
    const inFlight = http.request({ ...base, path: '/api/messages', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(hello) } });
    const half = Math.floor(hello.length / 2);
    inFlight.write(hello.slice(0, half));
    const inFlightAnswer = answerOf(inFlight);
    expect(await waitUntil(() => inFlight.socket?.writable === true && !inFlight.socket.connecting)).toBe(true);

    const signalled = Date.now();
    p.child.kill('SIGTERM');
    expect(await waitUntil(() => p.out().includes('"msg":"shutting down"'))).toBe(true);

    // Still listening, but not ready: a load balancer sees 503, not a refused connection.
    const readyz = await send(http.request({ ...base, path: '/readyz', agent: false }));
    expect(readyz.status).toBe(503);
    expect(JSON.parse(readyz.body)).toMatchObject({ status: 'shutting_down' });
    expect(Date.now() - signalled).toBeLessThan(GRACE_SECONDS * 1000);

    // The kept-alive connection gets its answer, told to close.
    const second = await send(http.request({ ...base, path: '/healthz', agent }));
    expect(second.status).toBe(200);
    expect(second.reusedSocket).toBe(true);
    expect(second.socket).toBe(keptAlive);
    expect(second.headers.connection).toBe('close');
    expect(await waitUntil(() => keptAlive.destroyed)).toBe(true);
    expect(socketErrors).toEqual([]);

    // The message in flight is answered in full.
    inFlight.end(hello.slice(half));
    const answer = await inFlightAnswer;
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);

    expect(await p.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan((GRACE_SECONDS + 10) * 1000);
    expect(p.out()).toMatch(/"msg":"stopped"/);
    agent.destroy();
  }, 60_000);
});
