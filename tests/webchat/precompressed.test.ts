import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import { readPrecompressed, writePrecompressed } from '../../src/webchat/precompressed';
import { LONG_CACHE, staticAssetRoutes, type StaticAsset } from '../../src/webchat/staticAssets';
import { readWebChatBundle, WEBCHAT_BUNDLE_NAME } from '../../src/webchat/webFiles';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clearsight-gz-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Sent {
  headers: Record<string, unknown>;
  body: Buffer;
}

/** Calls an asset's route handler as restify would, with only an Accept-Encoding header. */
async function get(asset: StaticAsset, acceptEncoding?: string): Promise<Sent> {
  const [route] = staticAssetRoutes([asset]);
  return getFrom(route!.handler, acceptEncoding);
}

async function getFrom(handler: (req: Request, res: Response) => unknown, acceptEncoding?: string): Promise<Sent> {
  const sent: Sent = { headers: {}, body: Buffer.alloc(0) };
  const req = { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} } as unknown as Request;
  const res = {
    writeHead: (_status: number, headers: Record<string, unknown>) => (sent.headers = headers),
    end: (body: Buffer) => (sent.body = body),
  } as unknown as Response;
  await handler(req, res);
  return sent;
}

function asset(body: Buffer, precompressed?: () => Buffer | undefined): StaticAsset {
  return { path: '/webchat/webchat.js', contentType: 'text/javascript; charset=utf-8', body, cacheControl: LONG_CACHE, resourcePolicy: 'same-origin', precompressed };
}

describe('the Web Chat bundle, gzipped by the build or on first request', () => {
  const bundle = readWebChatBundle();

  it('serves the build’s gzip of the bundle as it is, read once and only when first asked for', async () => {
    const file = writePrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle);
    let reads = 0;
    const [route] = staticAssetRoutes([
      asset(bundle, () => {
        reads++;
        return readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle);
      }),
    ]);
    expect(reads).toBe(0);
    const first = await getFrom(route!.handler, 'gzip, br');
    const second = await getFrom(route!.handler, 'gzip');
    expect(reads).toBe(1);
    expect(first.headers['Content-Encoding']).toBe('gzip');
    expect(first.body.equals(readFileSync(file))).toBe(true);
    expect(gunzipSync(first.body).equals(bundle)).toBe(true);
    expect(second.body).toBe(first.body);
    expect(first.headers['Content-Length']).toBe(first.body.length);
  });

  it('with no gzip from the build, still serves the bundle: gzipped once on the first request that accepts it, plain otherwise', async () => {
    const [route] = staticAssetRoutes([asset(bundle, () => readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle))]);
    const plain = await getFrom(route!.handler);
    expect(plain.headers['Content-Encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
    const gzipped = await getFrom(route!.handler, 'gzip');
    expect(gzipped.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(bundle)).toBe(true);
    expect((await getFrom(route!.handler, 'gzip')).body).toBe(gzipped.body);
  });

  it('gzips an asset with no precompressed source at all', async () => {
    const body = Buffer.from('console.log("hello");\n'.repeat(100));
    const sent = await get(asset(body), '*');
    expect(gunzipSync(sent.body).equals(body)).toBe(true);
  });

  it('ignores a gzip the build made from other content (a Web Chat upgrade since) or with no hash beside it', () => {
    writePrecompressed(dir, WEBCHAT_BUNDLE_NAME, Buffer.from('an older bundle'));
    expect(readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle)).toBeUndefined();
    writePrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle);
    expect(readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle)).toBeDefined();
    writeFileSync(join(dir, `${WEBCHAT_BUNDLE_NAME}.gz.sha256`), 'not a hash\n');
    expect(readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle)).toBeUndefined();
    rmSync(join(dir, `${WEBCHAT_BUNDLE_NAME}.gz.sha256`));
    expect(readPrecompressed(dir, WEBCHAT_BUNDLE_NAME, bundle)).toBeUndefined();
  });
});
