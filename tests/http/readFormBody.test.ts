import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from '../../src/http/httpError';
import { readFormBody } from '../../src/http/readFormBody';

/** readFormBody on a real socket: what it returns, or the status it refuses with. (Lives with the console, its one user.) */
describe('readFormBody', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      // Not chained: restify, when loaded in the same process, patches writeHead to return nothing.
      const answer = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      readFormBody(req, 100).then(
        (fields) => answer(200, JSON.stringify({ fields, proto: Object.getPrototypeOf(fields) === Object.prototype })),
        (err: unknown) => answer(err instanceof HttpError ? err.status : 500, err instanceof HttpError ? err.code : 'boom'),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body: string, contentType = 'application/x-www-form-urlencoded') =>
    fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('reads fields as strings, decoding + and percent escapes', async () => {
    const res = await post('name=Sam+Duty&text=%3Cscript%3E&empty=');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ fields: { name: 'Sam Duty', text: '<script>', empty: '' }, proto: true });
  });

  it('accepts an explicit UTF-8 charset', async () => {
    const res = await post('a=%C3%A9', 'application/x-www-form-urlencoded; charset=UTF-8');
    expect(await res.json()).toEqual({ fields: { a: 'é' }, proto: true });
  });

  it('keeps a field named __proto__ as a plain field', async () => {
    const res = await post('__proto__=x&a=1');
    const body = (await res.json()) as { fields: Record<string, string>; proto: boolean };
    expect(body.proto).toBe(true);
    expect(Object.keys(body.fields).sort()).toEqual(['__proto__', 'a']);
  });

  it('refuses other content types with 415', async () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'text/plain', 'application/x-www-form-urlencoded; charset=latin1']) {
      const res = await post('a=1', type);
      expect(res.status).toBe(415);
    }
  });

  it('refuses a field sent twice with 400', async () => {
    const res = await post('csrf=a&csrf=b');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('bad_request');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post(`a=${'x'.repeat(200)}`);
    expect(res.status).toBe(413);
  });
});
