import { monthOf } from '../../../src/indicators/indicatorStore';
import { openApiDocument } from '../../../src/triage/api/openApi';
import { staffCommands } from '../../../src/triage/staffCommands';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { getPage, postForm, signInOverHttp } from '../console/consoleClient';

jest.setTimeout(60_000);

/** The partnership's indicators over real HTTP on the real Redis, and the role that sees them and no concern. */
describe('indicators over HTTP', () => {
  let t: TriageTestApp;
  let partner: StaffLogin;
  let duty: StaffLogin;
  let manager: StaffLogin;
  const month = monthOf(new Date());

  beforeAll(async () => {
    t = await startTriageApp();
    partner = await t.addStaff('partnership', 'partnership', 'Ana Analyst');
    duty = await t.addStaff('barnsley-front-door', 'duty');
    manager = await t.addStaff('barnsley-front-door', 'manager');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts a concern triaged through the API, and publishes it once the numbers are big enough', async () => {
    // Six concerns stored through the app's own store path would need the bot; triage counts go through the API.
    const refs = [];
    for (let i = 0; i < 6; i++) refs.push((await t.seedConcern()).ref);
    for (const ref of refs) {
      const res = await t.api(duty, `/api/triage/concerns/${ref}/outcome`, { method: 'POST', body: { category: 'early-help', rag: 'amber', rationale: 'School share the worry.' } });
      expect(res.status).toBe(200);
    }
    const res = await t.api(partner, `/api/indicators?from=${month}&to=${month}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { from: string; to: string; rows: { area: string; month: string; measure: string; value: number | null; suppressed?: true }[] };
    expect(body).toMatchObject({ from: month, to: month });
    const row = (area: string, measure: string) => body.rows.find((r) => r.area === area && r.month === month && r.measure === measure);
    expect(row('barnsley', 'decided')).toEqual({ area: 'barnsley', month, measure: 'decided', value: 6 });
    expect(row('barnsley', 'outcome_early_help')?.value).toBe(6);
    expect(row('barnsley', 'rag_amber')?.value).toBe(6);
    expect(row('barnsley', 'decided_in_time')?.value).toBe(6);
    expect(row('all', 'decided')?.value).toBe(6);
    expect(row('barnsley', 'decision_hours_median')?.value).toBe(0);
    // Nothing that points at a concern or a person.
    const text = JSON.stringify(body);
    for (const ref of refs) expect(text).not.toContain(ref);
    expect(text).not.toContain('School share');
  });

  it('holds back small numbers in the JSON and leaves them blank in the CSV', async () => {
    const ref = (await t.seedConcern({ agency: 'rotherham-mash', area: 'rotherham' })).ref;
    const rotherham = await t.addStaff('rotherham-mash', 'duty');
    expect((await t.api(rotherham, `/api/triage/concerns/${ref}/outcome`, { method: 'POST', body: { category: 'nrm-referral', rag: 'red', rationale: 'r' } })).status).toBe(200);
    const json = (await (await t.api(partner, `/api/indicators?from=${month}&to=${month}`)).json()) as { rows: { area: string; measure: string; value: number | null; suppressed?: true }[] };
    expect(json.rows.find((r) => r.area === 'rotherham' && r.measure === 'decided')).toMatchObject({ value: null, suppressed: true });
    const csv = await t.api(partner, `/api/indicators.csv?from=${month}&to=${month}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="clearsight-indicators-${month}-to-${month}.csv"`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('area,month,measure,value');
    expect(lines).toContain(`rotherham,${month},decided,`);
    // South Yorkshire's 7 decisions stay shown; so that Rotherham's 1 cannot be worked out from them,
    // Barnsley's 6 is held back with it (the smallest other area above 0).
    expect(lines).toContain(`all,${month},decided,7`);
    expect(lines).toContain(`barnsley,${month},decided,`);
    expect(lines).toContain(`doncaster,${month},decided,0`);
  });

  it('refuses a bad period or an unknown parameter with 400, and a duty worker or nobody with 403 or 401', async () => {
    expect((await t.api(partner, '/api/indicators?from=2026-13&to=2026-12')).status).toBe(400);
    expect((await t.api(partner, '/api/indicators?from=2026-10&to=2026-01')).status).toBe(400);
    expect((await t.api(partner, '/api/indicators?from=2000-01&to=2026-01')).status).toBe(400);
    expect((await t.api(partner, '/api/indicators?area=barnsley')).status).toBe(400);
    expect((await t.api(duty, '/api/indicators')).status).toBe(403);
    expect((await t.api(duty, '/api/indicators.csv')).status).toBe(403);
    expect((await fetch(`${t.url}/api/indicators`)).status).toBe(401);
    expect((await t.api(manager, '/api/indicators')).status).toBe(200);
  });

  it('refuses the partnership account on every concern route of the API, before reading anything', async () => {
    const concern = await t.seedConcern();
    const paths = Object.keys((openApiDocument() as { paths: Record<string, unknown> }).paths).filter((p) => p.includes('/concerns'));
    expect(paths.length).toBeGreaterThanOrEqual(3 + staffCommands().length);
    for (const path of paths) {
      const real = path.replace('{ref}', concern.ref);
      const methods = Object.keys((openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths[path]!);
      for (const method of methods) {
        const res = await t.api(partner, real, { method: method.toUpperCase(), ...(method === 'post' ? { body: {} } : {}) });
        expect([real, method, res.status]).toEqual([real, method, 403]);
      }
    }
    // Nothing was changed, and the refusals say nothing about the concern.
    expect((await t.store.get(concern.ref))?.triage.claim).toBeNull();
  });

  it('in the console: the partnership account lands on the indicators, and every concern page and form refuses it', async () => {
    const concern = await t.seedConcern();
    const client = await signInOverHttp(t.url, partner);
    const queue = await getPage(t.url, '/triage', client.cookie);
    expect(queue.status).toBe(303);
    expect(queue.headers.get('location')).toBe('/triage/indicators');
    const page = await getPage(t.url, '/triage/indicators', client.cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('South Yorkshire partnership (all areas)');
    expect(html).not.toMatch(/>\s*Queue\s*</);
    expect((await getPage(t.url, `/triage/concerns/${concern.ref}`, client.cookie)).status).toBe(403);
    for (const [name] of staffCommands()) {
      const res = await postForm(t.url, `/triage/concerns/${concern.ref}/${name}`, { csrf: client.csrf }, client.cookie);
      expect([name, res.status]).toEqual([name, 403]);
    }
    expect((await getPage(t.url, '/triage/indicators?from=2026-10&to=2026-01', client.cookie)).status).toBe(400);
    const dutyClient = await signInOverHttp(t.url, duty);
    expect((await getPage(t.url, '/triage/indicators', dutyClient.cookie)).status).toBe(403);
  });
});
