import { BASELINE_HEADERS } from '../../src/http/server';
import { startTestApp, type RunningApp } from '../helpers/testApp';

let t: RunningApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

function expectBaseline(res: Response, what: string): void {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) {
    expect({ what, name, value: res.headers.get(name) }).toEqual({ what, name, value });
  }
}

describe('the baseline headers: on every response, restify’s own answers and error bodies included', () => {
  it('are on health checks, restify’s 404 and 405, and error bodies', async () => {
    expectBaseline(await fetch(`${t.url}/healthz`), '/healthz');
    expectBaseline(await fetch(`${t.url}/readyz`), '/readyz');
    const missing = await fetch(`${t.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expectBaseline(missing, 'restify 404');
    const wrongMethod = await fetch(`${t.url}/healthz`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expectBaseline(wrongMethod, 'restify 405');
    const badJson = await t.post('{"type": ');
    expect(badJson.status).toBe(400);
    expectBaseline(badJson, '400 from /api/messages');
  });

  it('give way to a route’s own: the chat page keeps its CSP, a static asset its caching', async () => {
    const page = await fetch(`${t.url}/chat`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).not.toBe(BASELINE_HEADERS['Content-Security-Policy']);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src/);
    const embed = await fetch(`${t.url}/embed.js`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('cache-control')).not.toBe('no-store');
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
