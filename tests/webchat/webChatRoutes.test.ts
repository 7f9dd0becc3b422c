import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { startTestApp, type RunningApp } from '../helpers/testApp';
import { rawGet, type RawResponse } from './rawGet';

const WEBCHAT_BUNDLE = join(__dirname, '../../node_modules/botframework-webchat/dist/webchat.js');

function cspOf(res: RawResponse): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));
}

function expectPageHeaders(res: RawResponse): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  expect(res.headers['set-cookie']).toBeUndefined();
  const csp = String(res.headers['content-security-policy']);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(cspOf(res).get('default-src')).toBe("'none'");
  expect(cspOf(res).get('script-src')).toBe("'self'");
  expect(cspOf(res).get('form-action')).toBe("'none'");
  expect(cspOf(res).get('base-uri')).toBe("'none'");
}

/** Markup that runs or styles nothing inline and loads nothing from another origin. */
function expectSelfContained(body: string): void {
  expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script has a src
  expect(body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  expect(body).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
}

describe('web chat routes (built-in Direct Line)', () => {
  let t: RunningApp;
  beforeAll(async () => {
    t = await startTestApp({ WEBCHAT_EXIT_URL: 'https://example.org/away?from=chat', WEBCHAT_EMBED_ORIGINS: 'https://www.example-council.gov.uk http://localhost:8080' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('GET / is the demo council page, with the one-line embed tag and a policy that frames only our chat', async () => {
    const res = await rawGet(`${t.url}/`);
    expectPageHeaders(res);
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = cspOf(res);
    expect(csp.get('frame-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.has('connect-src')).toBe(false); // the demo page itself fetches nothing
    const body = res.body.toString('utf8');
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(body).toContain('Example Council');
    expect(body).toMatch(/Demo page\./);
    expect(body).toContain(
      '<script src="/embed.js" data-title="Clearsight chat" data-colour="#1d70b8" data-text-colour="#ffffff" data-position="right" data-language="en-GB" async></script>',
    );
    expect(body).toContain('ring 999');
    expect(body.match(/\b\d{3,}\b/g)).toEqual(['999']); // no other phone number
    expectSelfContained(body);
  });

  it('GET /chat has a fresh style nonce per response, in the policy and in the data attribute for chat.js', async () => {
    const [a, b] = [await rawGet(`${t.url}/chat`), await rawGet(`${t.url}/chat`)];
    for (const res of [a, b]) {
      expectPageHeaders(res);
      expect(res.headers['x-frame-options']).toBeUndefined(); // frame-ancestors decides who may frame it
      const nonce = /data-nonce="([^"]+)"/.exec(res.body.toString('utf8'))?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(cspOf(res).get('style-src')).toBe(`'self' 'nonce-${nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`);
    }
    expect(/data-nonce="([^"]+)"/.exec(a.body.toString())?.[1]).not.toBe(/data-nonce="([^"]+)"/.exec(b.body.toString())?.[1]);
  });

  it('GET /chat talks only to our origin, and may be framed by us and the configured council sites only', async () => {
    const res = await rawGet(`${t.url}/chat`);
    const csp = cspOf(res);
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('img-src')).toBe("'self'");
    expect(csp.get('font-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'self' https://www.example-council.gov.uk http://localhost:8080");
    const body = res.body.toString('utf8');
    expect(body).toContain('data-mode="built-in"');
    expect(body).toContain('data-web-socket="false"');
    expect(body).not.toContain('data-endpoint');
    expect(body).toContain('data-exit-url="https://example.org/away?from=chat"');
    expect(body).toMatch(/<script src="\/webchat\/webchat\.js\?v=[0-9a-f]{12}" id="cs-webchat-script" defer><\/script>/);
    expect(body).toMatch(/<link rel="stylesheet" href="\/webchat\/chat\.css\?v=[0-9a-f]{12}">/);
    expect(body).toContain('<button type="button" class="cs-button cs-exit" data-action="exit">Exit this page</button>');
    expect(body).toContain('<button type="button" class="cs-button cs-close" data-action="close">Close chat</button>');
    expectSelfContained(body);
  });

  it('renders ?title as text (escaped, length-limited) and takes ?lang only from the allow-list', async () => {
    const script = '<script>alert("x")</script>';
    const hostile = (await rawGet(`${t.url}/chat?title=${encodeURIComponent(script)}&lang=${encodeURIComponent('"><script>')}`)).body.toString();
    expect(hostile).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    expect(hostile).toContain('<h1 class="cs-title" id="cs-title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(hostile).not.toContain(script);
    expect(hostile).toContain('<html lang="en-GB">');
    expectSelfContained(hostile);

    const long = (await rawGet(`${t.url}/chat?title=${'x'.repeat(61)}`)).body.toString();
    expect(long).toContain('<title>Clearsight chat</title>');
    const welsh = (await rawGet(`${t.url}/chat?lang=cy-GB&title=Sgwrs`)).body.toString();
    expect(welsh).toContain('<html lang="en-GB">'); // Web Chat 4.18 has no Welsh strings
    expect(welsh).toContain('<title>Sgwrs</title>');
  });

  it('GET /chat uses the council colours only when they pass 4.5:1', async () => {
    const good = (await rawGet(`${t.url}/chat?colour=%2300703c&text-colour=%23ffffff`)).body.toString();
    expect(good).toContain('data-header-colour="#00703c"');
    const poor = (await rawGet(`${t.url}/chat?colour=%23ffdd00&text-colour=%23ffffff`)).body.toString();
    expect(poor).toContain('data-header-colour="#1d70b8"');
    expect(poor).toContain('data-header-text-colour="#ffffff"');
  });

  it('GET /embed.js is JavaScript any site may load, briefly cached, with the configured exit URL inlined', async () => {
    const res = await rawGet(`${t.url}/embed.js`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.body.toString('utf8');
    expect(body).toContain('var SERVER_EXIT_URL = "https://example.org/away?from=chat";');
    expect(body).not.toContain('__CLEARSIGHT_EXIT_URL__');
    expect(body).toContain('function watchForShiftThreeTimes(');
    expect(() => new Script(body)).not.toThrow(); // valid JavaScript
    expect(body.startsWith('(function () {\n')).toBe(true); // one wrapper: nothing leaks into the host's globals
    expect(body.trimEnd().endsWith('})();')).toBe(true);
  });

  it('serves Web Chat from the installed package, gzipped when the client accepts gzip and plain otherwise', async () => {
    const file = readFileSync(WEBCHAT_BUNDLE);
    const plain = await rawGet(`${t.url}/webchat/webchat.js?v=anything`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
    const gzipped = await rawGet(`${t.url}/webchat/webchat.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gzipped.body.length).toBeLessThan(file.length / 3);
    expect(gunzipSync(gzipped.body).equals(file)).toBe(true);
    for (const res of [plain, gzipped]) {
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('serves our own scripts, styles and images from memory, and nothing else from disk', async () => {
    const files: Array<[string, string]> = [
      ['/webchat/chat.js', 'text/javascript; charset=utf-8'],
      ['/webchat/shift-exit.js', 'text/javascript; charset=utf-8'],
      ['/webchat/chat.css', 'text/css; charset=utf-8'],
      ['/webchat/demo.css', 'text/css; charset=utf-8'],
      ['/webchat/spinner.svg', 'image/svg+xml; charset=utf-8'],
      ['/webchat/typing.svg', 'image/svg+xml; charset=utf-8'],
    ];
    for (const [path, type] of files) {
      const res = await rawGet(`${t.url}${path}`);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, type]);
      expect(res.body.equals(readFileSync(join(__dirname, '../../web', path.replace('/webchat/', ''))))).toBe(true);
    }
    for (const path of ['/webchat/embed.js', '/webchat/../package.json', '/webchat/%2e%2e/package.json', '/webchat/webchat-minimal.js', '/web/chat.js']) {
      expect([path, (await rawGet(`${t.url}${path}`)).status]).toEqual([path, 404]);
    }
  });
});

describe('web chat routes (Azure Direct Line)', () => {
  it('lets the chat page reach the Azure endpoint (https and wss) and says so to chat.js; built-in mode does not', async () => {
    const t = await startTestApp({ DIRECTLINE_SECRET: 'test-secret', DIRECTLINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline' });
    try {
      const res = await rawGet(`${t.url}/chat`);
      expectPageHeaders(res);
      expect(cspOf(res).get('connect-src')).toBe("'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com");
      const body = res.body.toString('utf8');
      expect(body).toContain('data-mode="azure"');
      expect(body).toContain('data-endpoint="https://europe.directline.botframework.com/v3/directline"');
      expect(body).not.toContain('test-secret');
      expect(cspOf(await rawGet(`${t.url}/`)).has('connect-src')).toBe(false);
    } finally {
      await t.stop();
    }
  });
});
