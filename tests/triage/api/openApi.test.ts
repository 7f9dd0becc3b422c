import { OPERATIONS } from '../../../src/triage/api/openApi';
import { startTriageApp, type TriageTestApp } from '../../helpers/triageApp';

describe('the triage OpenAPI document', () => {
  let t: TriageTestApp;
  beforeAll(async () => {
    t = await startTriageApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('is served without signing in and describes exactly the API routes the server has', async () => {
    const res = await fetch(`${t.url}/api/triage/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    const served = t.app.server
      .getDebugInfo()
      .routes.filter((r: { path: string }) => r.path.startsWith('/api/triage/') && r.path !== '/api/triage/openapi.json')
      .map((r: { method: string; path: string }) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toHaveLength(OPERATIONS.length);
  });

  it('gives each change its request schema, strict (no extra fields), drawn from the zod schemas', async () => {
    const doc = (await (await fetch(`${t.url}/api/triage/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } } } }>;
    };
    const outcome = doc.paths['/api/triage/concerns/{ref}/outcome']?.post?.requestBody?.content['application/json'].schema;
    expect(outcome).toMatchObject({ type: 'object', additionalProperties: false, required: ['category', 'rag', 'rationale'] });
    expect((outcome?.properties as Record<string, { enum?: string[] }>).rag?.enum).toEqual(['red', 'amber', 'green']);
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (ops.post) expect([path, ops.post.requestBody?.content['application/json'].schema.additionalProperties]).toEqual([path, false]);
    }
  });
});
